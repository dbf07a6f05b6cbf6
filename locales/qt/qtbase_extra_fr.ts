<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Qt's own dialog strings that PySide6's qtbase_fr.qm lacks (Qt 6.12 gave the labels
     of the file dialog and of the print dialog's Printer Properties mnemonics its catalogs
     do not have yet). Loaded over Qt's catalog; built into .qm by `make catalogs`. -->
<TS version="2.1" language="fr">
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Voir dans :</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Fichiers de &amp;type :</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>Lecteur</translation>
    </message>
</context>
<context>
    <name>QPageSetupWidget</name>
    <message>
        <source>Page &amp;order:</source>
        <translation>&amp;Ordre des pages :</translation>
    </message>
    <message>
        <source>Pages &amp;per sheet:</source>
        <translation>&amp;Pages par feuille :</translation>
    </message>
</context>
<context>
    <name>QCupsJobWidget</name>
    <message>
        <source>Scheduled &amp;printing:</source>
        <translation>Impressions p&amp;lanifiées :</translation>
    </message>
    <message>
        <source>&amp;Billing information:</source>
        <translation>&amp;Informations de facturation :</translation>
    </message>
    <message>
        <source>Job &amp;priority:</source>
        <translation>P&amp;riorité de la tâche :</translation>
    </message>
    <message>
        <source>&amp;Start:</source>
        <translation>&amp;Premières :</translation>
    </message>
    <message>
        <source>&amp;End:</source>
        <translation>&amp;Finales :</translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <source>Page &amp;Set:</source>
        <translation>&amp;Configuration de la page :</translation>
    </message>
</context>
</TS>
