"""Contacts in and out: CSV and vCard import with a preview, and CSV and vCard export.

:func:`fieldkit.interop.plan.build_plan` reads a file and decides every row's fate
without writing; :func:`fieldkit.interop.apply.apply_plan` writes a confirmed plan in one
transaction after a backup; :func:`fieldkit.interop.export.export_contacts` writes
contacts out. The command line and the Import wizard are thin layers over these.
"""
