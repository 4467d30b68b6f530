'''Mutter's idle monitor as far as limberd uses it, for dbusmock: AddIdleWatch(ms) answers 1,
AddUserActiveWatch() 2, RemoveWatch(id) nothing; the test fires WatchFired(id) itself. A
template, so the methods are there the moment the name is taken.

Load with: python3 -m dbusmock --session --template tests/support/mutter_idle_template.py
'''

BUS_NAME = 'org.gnome.Mutter.IdleMonitor'
MAIN_OBJ = '/org/gnome/Mutter/IdleMonitor/Core'
MAIN_IFACE = 'org.gnome.Mutter.IdleMonitor'
SYSTEM_BUS = False


def load(mock, parameters):
    mock.AddMethods(MAIN_IFACE, [
        ('AddIdleWatch', 't', 'u', 'ret = 1'),
        ('AddUserActiveWatch', '', 'u', 'ret = 2'),
        ('RemoveWatch', 'u', '', ''),
    ])
