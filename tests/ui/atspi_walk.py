"""Walk the AT-SPI tree of a running bpa-desktop, page by page, as a screen reader sees it (run by
the system Python that has pyatspi; tests/ui/test_atspi_tree.py starts it).

Prints one line per page ("page <name>: focusable=N unnamed=M") and each focusable control
that has no accessible name or no role. Pages are chosen through the navigation list's
AT-SPI selection (the way assistive technology would), so one running app is walked whole.
"""
import sys
import time

import pyatspi

IGNORED_ROLES = {"table cell", "list item", "tree item", "page tab"}  # they carry their own text


def find(predicate, node, depth=0):
    if node is None or depth > 40:
        return None
    try:
        if predicate(node):
            return node
        for i in range(node.childCount):
            found = find(predicate, node.getChildAtIndex(i), depth + 1)
            if found is not None:
                return found
    except Exception:
        return None
    return None


def application(timeout=40):
    end = time.time() + timeout
    while time.time() < end:
        for app in pyatspi.Registry.getDesktop(0):
            if app is not None and "bpa" in (app.name or "").lower():
                return app
        time.sleep(0.5)
    return None


def walk(node, problems, depth=0):
    count = 0
    try:
        states, role, name = node.getState(), node.getRoleName(), (node.name or "").strip()
    except Exception:
        return 0
    if states.contains(pyatspi.STATE_FOCUSABLE) and states.contains(pyatspi.STATE_SHOWING):
        count += 1
        if role not in IGNORED_ROLES and (not name or role in ("unknown", "invalid")):
            parent = node.parent
            problems.append(f"{role} without a name, inside {parent.getRoleName()} '{parent.name}'" if parent
                            else f"{role} without a name")
    for i in range(node.childCount if depth < 40 else 0):
        try:
            count += walk(node.getChildAtIndex(i), problems, depth + 1)
        except Exception:
            pass
    return count


def main() -> int:
    app = application()
    if app is None:
        print("no bpa-desktop on the accessibility bus")
        return 3
    time.sleep(3)
    navigation = find(lambda n: n.getRoleName() == "list" and n.name in ("Sider", "Pages"), app)
    if navigation is None:
        print("no page list named Sider/Pages")
        return 3
    selection = navigation.querySelection()
    failed = 0
    for index in range(navigation.childCount):
        page = navigation.getChildAtIndex(index).name
        selection.selectChild(index)
        time.sleep(2.0)
        problems = []
        count = walk(app, problems)
        print(f"page {page}: focusable={count} unnamed={len(problems)}")
        for problem in problems:
            print(f"  {problem}")
        failed += bool(problems) or count == 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
