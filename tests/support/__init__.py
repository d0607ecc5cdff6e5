"""The one home of the test suite's shared helpers: test modules import from here, never from
one another or from conftest.py.

* ``support.projects``: the repository root, a copy of its project, the small project written
  from literal text, the hostile project, and editing and checking a project.
* ``support.cli``: the ``playbook`` command run through Click's test runner.
* ``support.serve``: ``playbook serve`` run for real, on a free port.
* ``support.browser``: a built site on a local server and what its pages did in Chromium, with
  the reader's actions and stored data the browser tests share.
* ``support.corpus``: the security payload corpus, the HTML invariants of built pages, and the
  places in a project that take text.
* ``support.limits``: the real command in a child process held to CPU time and memory.
* ``support.bundle``: the minified copies of the site's scripts and stylesheets made anew
  (also a command: ``.venv/bin/python tests/support/bundle.py`` after changing a module).
* ``support.scripts``: the config and interface strings a built site's scripts carry.

Fixtures shared by every test stay in conftest.py; a fixture shared by some test modules lives
here and is imported by name (``support.browser.default_content`` is the ``content`` fixture).
"""

import pkgutil

import pytest

# The helpers check as they go: pytest rewrites their asserts, as it does a test module's, so
# that a failing one reports the values it compared.
pytest.register_assert_rewrite(
    *(f"{__name__}.{module.name}" for module in pkgutil.iter_modules(__path__))
)
