"""playbook: YAML coaching practices in, a searchable static website out.

The package is ``generator`` (the layout the project keeps: loading, checking, rendering and
building live here) and the command is ``playbook``; the distribution on the package index has
a name of its own, since ``playbook`` there belongs to another project.

pipeline.py runs the stages in order for every entry point (cli.py, serve.py, plugin.py):

YAML becomes a model
    loader.py reads YAML with the place of every value; content.py a content folder;
    project.py a project, with loaded_project.py what it read; resolve.py and overlay.py make
    each playbook whole; schema.py, playbook_schema.py and field_types.py are the model;
    checks.py, bands.py, settings.py and mkdocs_checks.py the rules across files; errors.py
    says what is wrong.
The model becomes Markdown
    render.py writes the pages from templates/, with template_filters.py, safe_html.py,
    links.py and addresses.py for what content may become, front_matter.py, navigation.py,
    script_data.py for the browser script, ui.py and strings_en.py for the interface's words.
Markdown becomes a site
    docs_tree.py writes the docs tree (mkdocs_config.py its mkdocs.yml, assets/ and
    overrides/ its files), build.py has the engine (engines.py) build it into the site
    folder that site_folder.py keeps safe; mkdocs_log.py locates the engine's warnings.
"""

#: The distribution's name on the package index: `pip install coaching-playbook`.
DISTRIBUTION = "coaching-playbook"
