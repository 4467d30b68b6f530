'''dbusmock's logind with session c1 (seat0, uid 1000) already there, for dbusmock: a logind
that comes to the bus, or comes back, knowing the session from the start, as a restarted
systemd-logind does. With the parameter {"LockedHint": true} the session is locked already.

Load with: python3 -m dbusmock --system --template tests/support/logind_session_template.py
'''

import dbus

from dbusmock import mockobject
from dbusmock.templates.logind import *  # noqa: F401,F403 (the template's methods, AddSession among them)
from dbusmock.templates import logind as base

BUS_NAME = base.BUS_NAME
MAIN_OBJ = base.MAIN_OBJ
MAIN_IFACE = base.MAIN_IFACE
SYSTEM_BUS = True


def load(mock, parameters):
    base.load(mock, parameters)
    path = mock.AddSession('c1', 'seat0', 1000, 'user', True)
    mockobject.objects[path].UpdateProperties('org.freedesktop.login1.Session',
                                              {'LockedHint': dbus.Boolean(parameters.get('LockedHint', False))})
