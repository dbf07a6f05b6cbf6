"""The ``fieldkit`` command's help in the UI language.

Click takes its help from ``help=`` arguments and docstrings, which are plain
English literals. :func:`extract` is a babel extractor (see
``locales/babel.cfg``) that collects them along with the usual ``_()`` calls,
and :func:`localize` swaps every command's and option's help for its
translation; :mod:`fieldkit.cli.i18n` calls it at start and after every
language change. The help's language is ``FIELDKIT_LANGUAGE`` when set, or the
profile's once it is open.
"""

from __future__ import annotations

import ast
import inspect
from collections.abc import Callable, Iterator
from typing import Any

import click

HELP_SOURCE = "_fieldkit_help_source"


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


def _translated(obj: Any, attr: str, translate: Callable[[str], str]) -> None:
    sources = obj.__dict__.setdefault(HELP_SOURCE, {})
    if attr not in sources:
        sources[attr] = getattr(obj, attr)
    source = sources[attr]
    if source:
        setattr(obj, attr, translate(inspect.cleandoc(source)))


def localize(root: click.Command, translate: Callable[[str], str]) -> None:
    """Give every command and option under ``root`` its help in ``translate``'s language.

    The English originals are kept, so calling it again with another
    language translates from the source, not from the previous translation.
    """
    for command in _walk(root):
        for attr in ("help", "short_help", "epilog"):
            _translated(command, attr, translate)
        for param in command.params:
            if isinstance(param, click.Option):
                _translated(param, "help", translate)
