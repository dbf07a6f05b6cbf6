"""The ``fieldkit`` command's help in the UI language.

Click takes its help from ``help=`` arguments and docstrings, which are plain
English literals. :func:`extract` is a babel extractor (see
``locales/babel.cfg``) that collects them along with the usual ``_()`` calls,
and :func:`localize` swaps every command's and option's help for its
translation; :mod:`fieldkit.cli.i18n` calls it at start and after every
language change. Help made from a template (the commands built for each kind
of record) is a :class:`Help`: a message marked with ``N_`` and named values,
translated whole when shown. The help's language is ``FIELDKIT_LANGUAGE`` when set, else the
system's (``LANG`` and the like) when FieldKit speaks it, or the profile's once it is open.
"""

from __future__ import annotations

import ast
import inspect
from collections.abc import Callable, Iterator
from typing import Any

import click

from fieldkit import i18n
from fieldkit.i18n import N_, ngettext

HELP_SOURCE = "_fieldkit_help_source"

# Click's own words (it looks them up with the standard gettext): marked here so
# that they are extracted into FieldKit's catalogs, and translated by use_for_click.
CLICK_STRINGS = (
    N_("Usage:"),
    N_("Options"),
    N_("Commands"),
    N_("Positional arguments"),
    N_("Show this message and exit."),
    N_("Show the version and exit."),
    N_("%(prog)s, version %(version)s"),
    N_("Error: {message}"),
    N_("Try '{command} {option}' for help."),
    N_("No such command {name!r}."),
    N_("No such option {name!r}."),
    N_("Option {name!r} does not take a value."),
    N_("Missing command."),
    N_("Missing argument"),
    N_("Missing option"),
    N_("Missing parameter"),
    N_("Missing {param_type}"),
    N_("Missing parameter: {param_name}"),
    N_("Invalid value for {param_hint}: {message}"),
    N_("Invalid value: {message}"),
    N_("Could not open file {filename!r}: {message}"),
    N_("Aborted!"),
    N_("Do you want to continue?"),
    N_("Confirm the action without prompting."),
    N_("default: {default}"),
    N_("env var: {var}"),
    N_("deprecated"),
    N_("(dynamic)"),
    N_("unknown error"),
    N_("Choose from:\n\t{choices}"),
    N_("file"),
    N_("directory"),
    N_("path"),
    N_("{name} {filename!r} does not exist."),
    N_("{name} {filename!r} is a directory."),
    N_("{name} {filename!r} is a file."),
    N_("{name} {filename!r} is not readable."),
    N_("{name} {filename!r} is not writable."),
    N_("{value!r} is not a valid {number_type}."),
    N_("{value} is not in the range {range}."),
    N_("{value!r} is not a valid boolean. Recognized values: {states}"),
)
CLICK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "types")


def _click_plurals() -> None:  # pragma: no cover - never called: read by the extractor
    """Click's messages with plural forms, marked for extraction."""
    ngettext("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)", 1)
    ngettext("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})", 1)
    ngettext(
        "Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments.", 1
    )
    ngettext("{value!r} is not {choice}.", "{value!r} is not one of {choices}.", 1)


class Help(str):
    """A help text made from a marked message and named values, translated when shown.

    Its value is the English text, so click can show it as it is;
    :func:`localize` translates the message, then fills in the values (a value
    that is a ``Help`` too is translated first)::

        Help(N_("Add a contact.\n\nExample:\n\n    %(example)s"), example=EXAMPLE)
    """

    message: str
    values: dict[str, str]

    def __new__(cls, message: str, **values: str) -> Help:
        text = super().__new__(cls, message % values if values else message)
        text.message = message
        text.values = values
        return text

    def translate(self, translate: Callable[[str], str]) -> str:
        """The text in ``translate``'s language."""
        message = translate(self.message)
        if not self.values:
            return message
        values = {
            name: value.translate(translate) if isinstance(value, Help) else value
            for name, value in self.values.items()
        }
        return message % values


class HelpOption(click.Option):
    """An option whose help may be a :class:`Help` (click keeps only a plain copy)."""

    def __init__(self, *args: Any, help: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, help=help, **kwargs)
        if isinstance(help, Help):
            self.__dict__.setdefault(HELP_SOURCE, {})["help"] = help


def use_for_click() -> None:
    """Make click's own messages (Usage:, Options, error lines) follow the UI language.

    Click translates them with ``gettext.gettext`` in each of its modules; this
    points those lookups at FieldKit's catalogs instead. English text (and any
    string the catalogs lack) is returned unchanged.
    """
    import importlib

    for name in CLICK_MODULES:
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = i18n._
        if hasattr(module, "ngettext"):
            module.ngettext = i18n.ngettext


def _is_click_decorator(node: ast.expr) -> bool:
    """``@click.command(...)``, ``@group.command(...)``, ``@click.group(...)`` and the like."""
    if isinstance(node, ast.Call):
        node = node.func
    name = node.attr if isinstance(node, ast.Attribute) else getattr(node, "id", "")
    return name in ("command", "group")


def _help_strings(tree: ast.AST) -> Iterator[tuple[int, str]]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            for keyword in node.keywords:
                value = keyword.value
                if (
                    keyword.arg in ("help", "short_help", "epilog")
                    and isinstance(value, ast.Constant)
                    and isinstance(value.value, str)
                    and value.value.strip()
                ):
                    yield value.lineno, inspect.cleandoc(value.value)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            commands = [d for d in node.decorator_list if _is_click_decorator(d)]
            given = any(
                k.arg == "help" for d in commands if isinstance(d, ast.Call) for k in d.keywords
            )
            doc = ast.get_docstring(node, clean=False)
            if commands and not given and doc:
                yield node.body[0].lineno, inspect.cleandoc(doc)


def extract(
    fileobj: Any, keywords: Any, comment_tags: Any, options: dict
) -> Iterator[tuple[int, str, str | tuple, list[str]]]:
    """Babel extractor: what the Python extractor finds, plus click's help texts."""
    from babel.messages.extract import extract_python

    yield from extract_python(fileobj, keywords, comment_tags, options)
    fileobj.seek(0)
    source = fileobj.read().decode(options.get("encoding", "utf-8"))
    for lineno, text in _help_strings(ast.parse(source)):
        yield lineno, "", text, []


def _walk(command: click.Command) -> Iterator[click.Command]:
    yield command
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            yield from _walk(sub)


def keep_examples(text: str) -> str:
    """Mark the indented paragraphs of a help text (an example's command lines) with
    click's ``\\b``, so that they print line by line as written instead of rewrapped."""
    paragraphs = text.split("\n\n")
    return "\n\n".join(
        "\b\n" + paragraph
        if paragraph.strip() and all(line.startswith("    ") for line in paragraph.splitlines())
        else paragraph
        for paragraph in paragraphs
    )


def _translated(
    obj: Any, attr: str, translate: Callable[[str], str], shape: Callable[[str], str] = str
) -> None:
    sources = obj.__dict__.setdefault(HELP_SOURCE, {})
    if attr not in sources:
        sources[attr] = getattr(obj, attr)
    source = sources[attr]
    if isinstance(source, Help):
        setattr(obj, attr, shape(source.translate(translate)))
    elif source:
        setattr(obj, attr, shape(translate(inspect.cleandoc(source))))


def localize(root: click.Command, translate: Callable[[str], str]) -> None:
    """Give every command and option under ``root`` its help in ``translate``'s language.

    The English originals are kept, so calling it again with another
    language translates from the source, not from the previous translation.
    """
    for command in _walk(root):
        for attr in ("help", "epilog"):
            _translated(command, attr, translate, keep_examples)
        _translated(command, "short_help", translate)
        for param in command.params:
            if isinstance(param, click.Option):
                _translated(param, "help", translate)
