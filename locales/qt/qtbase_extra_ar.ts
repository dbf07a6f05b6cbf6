<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Qt's own dialog strings that PySide6's qtbase_ar.qm lacks (Qt 6.12 gave the labels
     of the file dialog and of the print dialog's Printer Properties mnemonics its catalogs
     do not have yet). Loaded over Qt's catalog; built into .qm by `make catalogs`. -->
<TS version="2.1" language="ar">
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>ا&amp;عثر في:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>الملفّات من ال&amp;نّوع:</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>مجلّد</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>قرص</translation>
    </message>
</context>
<context>
    <name>QPageSetupWidget</name>
    <message>
        <source>Page &amp;order:</source>
        <translation>&amp;ترتيب الصّفحات:</translation>
    </message>
    <message>
        <source>Pages &amp;per sheet:</source>
        <translation>ال&amp;صّفحات في كلّ ورقة:</translation>
    </message>
</context>
<context>
    <name>QCupsJobWidget</name>
    <message>
        <source>Scheduled &amp;printing:</source>
        <translation>&amp;الطّباعة المجدولة:</translation>
    </message>
    <message>
        <source>&amp;Billing information:</source>
        <translation>&amp;معلومات الدّفع:</translation>
    </message>
    <message>
        <source>Job &amp;priority:</source>
        <translation>أ&amp;ولويّة المهمّة:</translation>
    </message>
    <message>
        <source>&amp;Start:</source>
        <translation>ال&amp;بداية:</translation>
    </message>
    <message>
        <source>&amp;End:</source>
        <translation>ال&amp;نّهاية:</translation>
    </message>
</context>
<context>
    <name>QPrintPropertiesWidget</name>
    <message>
        <source>Advanced</source>
        <translation>متقدّم</translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <source>Page &amp;Set:</source>
        <translation>&amp;طقم الصّفحات:</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>الصّفحات</translation>
    </message>
    <message>
        <source>Specify pages or ranges separated by commas. Ranges are specified by two numbers separated by a hyphen. E.g: 3,5-7,9 prints pages 3, 5, 6, 7 and 9.</source>
        <translation>حدّد الصّفحات أو المجالات مفصولة بفواصل. يُحدَّد المجال برقمين بينهما شَرطة. مثلًا: 3,5-7,9 يطبع الصّفحات 3 و5 و6 و7 و9.</translation>
    </message>
    <message>
        <source>Double Sided Printing</source>
        <translation>الطّباعة على الوجهين</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>معطّلة</translation>
    </message>
    <message>
        <source>Long side binding</source>
        <translation>التّجليد من الجهة الطّولية</translation>
    </message>
    <message>
        <source>Short side binding</source>
        <translation>التّجليد من الجهة القصيرة</translation>
    </message>
</context>
</TS>
