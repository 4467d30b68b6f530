'''org.freedesktop.PowerManagement.Inhibit as KDE Plasma's PowerDevil offers it, for dbusmock:
Inhibit(application, reason) gives a cookie, UnInhibit(cookie) ends it, HasInhibit() says
whether any is held and HasInhibitChanged(b) tells when that changes; ListInhibitions()
lists (application, reason).

Load with: python3 -m dbusmock --session --template tests/support/power_inhibit_template.py
'''

import dbus

BUS_NAME = 'org.freedesktop.PowerManagement'
MAIN_OBJ = '/org/freedesktop/PowerManagement/Inhibit'
MAIN_IFACE = 'org.freedesktop.PowerManagement.Inhibit'
SYSTEM_BUS = False


def load(mock, parameters):
    mock.held = {}  # cookie -> (application, reason)
    mock.next_cookie = 1


@dbus.service.method(MAIN_IFACE, in_signature='ss', out_signature='u')
def Inhibit(self, application, reason):
    cookie = self.next_cookie
    self.next_cookie += 1
    self.held[cookie] = (str(application), str(reason))
    if len(self.held) == 1:
        self.EmitSignal(MAIN_IFACE, 'HasInhibitChanged', 'b', [True])
    return dbus.UInt32(cookie)


@dbus.service.method(MAIN_IFACE, in_signature='u', out_signature='')
def UnInhibit(self, cookie):
    del self.held[int(cookie)]
    if not self.held:
        self.EmitSignal(MAIN_IFACE, 'HasInhibitChanged', 'b', [False])


@dbus.service.method(MAIN_IFACE, in_signature='', out_signature='b')
def HasInhibit(self):
    return bool(self.held)


@dbus.service.method(MAIN_IFACE, in_signature='', out_signature='a(ss)')
def ListInhibitions(self):
    return dbus.Array([dbus.Struct(v, signature='ss') for _, v in sorted(self.held.items())], signature='(ss)')
