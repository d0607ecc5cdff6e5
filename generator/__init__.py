"""playbook: YAML coaching practices in, a searchable static website out.

The package is ``generator`` (the layout the project keeps: loading, checking, rendering and
building live here) and the command is ``playbook``; the distribution on the package index has
a name of its own, since ``playbook`` there belongs to another project.
"""

#: The distribution's name on the package index: `pip install coaching-playbook`.
DISTRIBUTION = "coaching-playbook"
