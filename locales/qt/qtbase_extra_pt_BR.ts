<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Qt's own dialog strings that PySide6's qtbase_pt_BR.qm lacks (Qt 6.12 gave the file
     dialog's labels mnemonics its catalogs do not have yet). Loaded over Qt's catalog;
     built into .qm by `make catalogs`. -->
<TS version="2.1" language="pt_BR">
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Procurar em:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Arquivos do &amp;tipo:</translation>
    </message>
</context>
</TS>
