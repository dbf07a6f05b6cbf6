"""Sync: offices and headquarters converge through bundles carried on any transport.

- :mod:`~fieldkit.sync.org`: the organisation, enrolment files, revocations;
- :mod:`~fieldkit.sync.bundle`: the signed (and optionally encrypted) bundle file;
- :mod:`~fieldkit.sync.merge`: field-level last-writer-wins, seen vectors, conflicts;
- :mod:`~fieldkit.sync.exchange`: cutting bundles and importing them;
- :mod:`~fieldkit.sync.targets`: the places to sync with;
- :mod:`~fieldkit.sync.engine`: the staged, resumable sync;
- :mod:`~fieldkit.sync.files`: the files a sync keeps between its stages;
- :mod:`~fieldkit.sync.transports`: folders and WebDAV.

The format is specified in docs/sync-format.md.
"""
