'''GNOME's session manager as far as inhibitors go, for dbusmock: applications call Inhibit
(app id, window, reason, flags) and Uninhibit(cookie); each inhibitor is an object with
GetAppId/GetFlags/GetReason; InhibitorAdded/InhibitorRemoved announce them; IsInhibited(flags)
and GetInhibitors() answer from what is held. Flags as gnome-session's: 1 logout, 2 switch
user, 4 suspend, 8 idle, 16 automount.

With the parameter {"drop_on_disconnect": true}, an inhibitor whose caller leaves the bus is
dropped and announced with InhibitorRemoved, as gnome-session does; without it the inhibitors
of a caller gone (gdbus, which leaves at once) stay, so tests can drive it from a shell.

Load with: python3 -m dbusmock --session --template tests/support/gnome_session_template.py
'''

import dbus

BUS_NAME = 'org.gnome.SessionManager'
MAIN_OBJ = '/org/gnome/SessionManager'
MAIN_IFACE = 'org.gnome.SessionManager'
INHIBITOR_IFACE = 'org.gnome.SessionManager.Inhibitor'
SYSTEM_BUS = False


def load(mock, parameters):
    mock.held = {}  # cookie -> (object path, flags)
    mock.next_cookie = 1
    mock.drop_on_disconnect = bool(parameters.get('drop_on_disconnect', False))
    mock.owner_watches = []


def _drop(mock, cookie):
    if cookie not in mock.held:
        return
    path, _ = mock.held.pop(cookie)
    mock.RemoveObject(path)
    mock.EmitSignal(MAIN_IFACE, 'InhibitorRemoved', 'o', [dbus.ObjectPath(path)])


@dbus.service.method(MAIN_IFACE, in_signature='susu', out_signature='u', sender_keyword='sender')
def Inhibit(self, app_id, toplevel_xid, reason, flags, sender=None):
    cookie = self.next_cookie
    self.next_cookie += 1
    path = '%s/Inhibitor%d' % (MAIN_OBJ, cookie)
    self.AddObject(path, INHIBITOR_IFACE, {}, [
        ('GetAppId', '', 's', 'ret = %r' % str(app_id)),
        ('GetReason', '', 's', 'ret = %r' % str(reason)),
        ('GetFlags', '', 'u', 'ret = dbus.UInt32(%d)' % int(flags)),
    ])
    self.held[cookie] = (path, int(flags))
    self.EmitSignal(MAIN_IFACE, 'InhibitorAdded', 'o', [dbus.ObjectPath(path)])
    if self.drop_on_disconnect and sender:
        def owner_changed(owner, mock=self, cookie=cookie):
            if not owner:
                _drop(mock, cookie)
        self.owner_watches.append(self.connection.watch_name_owner(sender, owner_changed))
    return dbus.UInt32(cookie)


@dbus.service.method(MAIN_IFACE, in_signature='u', out_signature='')
def Uninhibit(self, cookie):
    _drop(self, int(cookie))


@dbus.service.method(MAIN_IFACE, in_signature='u', out_signature='b')
def IsInhibited(self, flags):
    return any(held & int(flags) for _, held in self.held.values())


@dbus.service.method(MAIN_IFACE, in_signature='', out_signature='ao')
def GetInhibitors(self):
    return dbus.Array([dbus.ObjectPath(p) for p, _ in sorted(self.held.values())], signature='o')
