// LeakSanitizer's suppressions for the tray alone, compiled into it, so that limberd, which
// links X11 and GLib too (through dconf), has none: a leak of limberd's inside those libraries
// fails the sanitizer stage. Without a sanitizer, nothing calls this.
//
// GTK, GLib/GObject and the libraries under them (fontconfig, pango, cairo, ATK, D-Bus, the
// sound and speech libraries) keep type registrations, caches and per-thread data until exit by
// design and free none of it. The tray's sound context is left to the end of the process on
// purpose (sound.cpp says why), so canberra's memory is among them.

extern "C" const char* __lsan_default_suppressions();

extern "C" const char* __lsan_default_suppressions()
{
    return "leak:libgtk-3.so\n"
           "leak:libgdk-3.so\n"
           "leak:libglib-2.0.so\n"
           "leak:libgobject-2.0.so\n"
           "leak:libgio-2.0.so\n"
           "leak:libfontconfig.so\n"
           "leak:libpango-1.0.so\n"
           "leak:libpangoft2-1.0.so\n"
           "leak:libpangocairo-1.0.so\n"
           "leak:libcairo.so\n"
           "leak:libatk-1.0.so\n"
           "leak:libatk-bridge-2.0.so\n"
           "leak:libatspi.so\n"
           "leak:libdbus-1.so\n"
           "leak:libdbusmenu-glib.so\n"
           "leak:libdbusmenu-gtk3.so\n"
           "leak:libcanberra.so\n"
           "leak:libspeechd.so\n"
           "leak:libwx_gtk3u_core-3.2.so\n"
           "leak:libwx_baseu-3.2.so\n"
           "leak:libX11.so\n"
           "leak:libharfbuzz.so\n"
           "leak:libgdk_pixbuf-2.0.so\n"
           "leak:librsvg-2.so\n";
}
