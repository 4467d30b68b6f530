'''A screensaver as far as limberd uses it, for dbusmock: org.freedesktop.ScreenSaver with
GetActive() on both /org/freedesktop/ScreenSaver and /ScreenSaver, answering the parameter
"active" (false unless given); the test emits ActiveChanged(b) itself. A template, so GetActive
is there the moment the name is taken.

Load with: python3 -m dbusmock --session --template tests/support/screensaver_template.py
'''

BUS_NAME = 'org.freedesktop.ScreenSaver'
MAIN_OBJ = '/org/freedesktop/ScreenSaver'
MAIN_IFACE = 'org.freedesktop.ScreenSaver'
SYSTEM_BUS = False


def load(mock, parameters):
    get_active = ('GetActive', '', 'b', 'ret = %s' % bool(parameters.get('active', False)))
    mock.AddMethods(MAIN_IFACE, [get_active])
    mock.AddObject('/ScreenSaver', MAIN_IFACE, {}, [get_active])
