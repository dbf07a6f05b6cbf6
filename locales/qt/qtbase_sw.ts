<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Qt's own dialog strings in sw: PySide6 ships no qtbase_sw.qm. Built into .qm by `make catalogs`. -->
<TS version="2.1" language="sw">
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>Sawa</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Hifadhi</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>Hifadhi zote</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Fungua</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Ndiyo</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>Ndiyo kwa &amp;zote</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Hapana</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>Hapana kwa z&amp;ote</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Sitisha</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Jaribu tena</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Puuza</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Funga</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Ghairi</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Tupa</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Msaada</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Tumia</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Weka upya</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Rejesha chaguomsingi</translation>
    </message>
</context>
<context>
    <name>QDialogButtonBox</name>
    <message>
        <source>OK</source>
        <translation>Sawa</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Show Details...</source>
        <translation>Onyesha maelezo...</translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translation>Ficha maelezo...</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Tendua</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rudia</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Kata</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Nakili</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Bandika</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Futa</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Chagua zote</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Tendua</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rudia</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;Kata</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Nakili</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation>Nakili &amp;anwani ya kiungo</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Bandika</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Futa</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Chagua zote</translation>
    </message>
</context>
<context>
    <name>QInputDialog</name>
    <message>
        <source>Enter a value:</source>
        <translation>Andika thamani:</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>Name</source>
        <translation>Jina</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Ukubwa</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Aina</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Aina</translation>
    </message>
    <message>
        <source>Date Modified</source>
        <translation>Tarehe ya kubadilishwa</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Kompyuta</translation>
    </message>
    <message>
        <source>My Computer</source>
        <translation>Kompyuta yangu</translation>
    </message>
    <message>
        <source>Invalid filename</source>
        <translation>Jina la faili si sahihi</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>Look in:</source>
        <translation>Tazama katika:</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>&amp;Jina la faili:</translation>
    </message>
    <message>
        <source>Files of type:</source>
        <translation>Faili za aina:</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Fungua</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Hifadhi</translation>
    </message>
    <message>
        <source>&amp;Choose</source>
        <translation>&amp;Chagua</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Fungua</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>Hifadhi kama</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Nyuma</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Mbele</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Rudi nyuma</translation>
    </message>
    <message>
        <source>Go forward</source>
        <translation>Nenda mbele</translation>
    </message>
    <message>
        <source>Parent Directory</source>
        <translation>Folda mzazi</translation>
    </message>
    <message>
        <source>Go to the parent directory</source>
        <translation>Nenda kwenye folda mzazi</translation>
    </message>
    <message>
        <source>Create New Folder</source>
        <translation>Unda folda mpya</translation>
    </message>
    <message>
        <source>Create a New Folder</source>
        <translation>Unda folda mpya</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation>Folda mpya</translation>
    </message>
    <message>
        <source>&amp;New Folder</source>
        <translation>Folda &amp;mpya</translation>
    </message>
    <message>
        <source>List View</source>
        <translation>Mwonekano wa orodha</translation>
    </message>
    <message>
        <source>Detail View</source>
        <translation>Mwonekano wa kina</translation>
    </message>
    <message>
        <source>Change to list view mode</source>
        <translation>Badilisha kuwa mwonekano wa orodha</translation>
    </message>
    <message>
        <source>Change to detail view mode</source>
        <translation>Badilisha kuwa mwonekano wa kina</translation>
    </message>
    <message>
        <source>List of places and bookmarks</source>
        <translation>Orodha ya mahali na alamisho</translation>
    </message>
    <message>
        <source>Sidebar</source>
        <translation>Utepe wa pembeni</translation>
    </message>
    <message>
        <source>My Computer</source>
        <translation>Kompyuta yangu</translation>
    </message>
    <message>
        <source>Recent Places</source>
        <translation>Mahali pa karibuni</translation>
    </message>
    <message>
        <source>Directory:</source>
        <translation>Folda:</translation>
    </message>
    <message>
        <source>Directories</source>
        <translation>Folda</translation>
    </message>
    <message>
        <source>Find Directory</source>
        <translation>Tafuta folda</translation>
    </message>
    <message>
        <source>All Files (*)</source>
        <translation>Faili zote (*)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Faili zote (*)</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Faili</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Folda</translation>
    </message>
    <message>
        <source>File Folder</source>
        <translation>Folda ya faili</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Faili</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>Kiendeshi</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Haijulikani</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;Badilisha jina</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Futa</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Futa</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Ondoa</translation>
    </message>
    <message>
        <source>Show &amp;hidden files</source>
        <translation>Onyesha faili &amp;zilizofichwa</translation>
    </message>
    <message>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>%1 tayari ipo.
Unataka kuibadilisha?</translation>
    </message>
    <message>
        <source>%1
File not found.
Please verify the correct file name was given.</source>
        <translation>%1
Faili haikupatikana.
Tafadhali hakikisha jina sahihi la faili limetolewa.</translation>
    </message>
    <message>
        <source>%1
Directory not found.
Please verify the correct directory name was given.</source>
        <translation>%1
Folda haikupatikana.
Tafadhali hakikisha jina sahihi la folda limetolewa.</translation>
    </message>
    <message>
        <source>Are you sure you want to delete '%1'?</source>
        <translation>Una uhakika unataka kufuta '%1'?</translation>
    </message>
    <message>
        <source>Could not delete directory.</source>
        <translation>Folda haikuweza kufutwa.</translation>
    </message>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Tazama katika:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Faili za &amp;aina:</translation>
    </message>
    <message>
        <source>Show </source>
        <translation>Onyesha </translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>Folda</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>Kiendeshi</translation>
    </message>
</context>
<context>
    <name>QWizard</name>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Nyuma</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Endelea &gt;</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Maliza</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Ghairi</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Msaada</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>Thibitisha</translation>
    </message>
</context>
<context>
    <name>QProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Ghairi</translation>
    </message>
</context>
<context>
    <name>QPrintDialog</name>
    <message>
        <source>&amp;Options &gt;&gt;</source>
        <translation>&amp;Chaguo &gt;&gt;</translation>
    </message>
    <message>
        <source>&amp;Options &lt;&lt;</source>
        <translation>&amp;Chaguo &lt;&lt;</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>&amp;Chapisha</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Chapisha</translation>
    </message>
    <message>
        <source>All Pages</source>
        <translation>Kurasa zote</translation>
    </message>
    <message>
        <source>Odd Pages</source>
        <translation>Kurasa witiri</translation>
    </message>
    <message>
        <source>Even Pages</source>
        <translation>Kurasa shufwa</translation>
    </message>
    <message>
        <source>Local file</source>
        <translation>Faili ya ndani</translation>
    </message>
    <message>
        <source>Print to File (PDF)</source>
        <translation>Chapisha kwenye faili (PDF)</translation>
    </message>
    <message>
        <source>Write PDF file</source>
        <translation>Andika faili ya PDF</translation>
    </message>
    <message>
        <source>Print To File ...</source>
        <translation>Chapisha kwenye faili ...</translation>
    </message>
    <message>
        <source>Left to Right, Top to Bottom</source>
        <translation>Kushoto kwenda kulia, juu kwenda chini</translation>
    </message>
    <message>
        <source>Left to Right, Bottom to Top</source>
        <translation>Kushoto kwenda kulia, chini kwenda juu</translation>
    </message>
    <message>
        <source>Right to Left, Bottom to Top</source>
        <translation>Kulia kwenda kushoto, chini kwenda juu</translation>
    </message>
    <message>
        <source>Right to Left, Top to Bottom</source>
        <translation>Kulia kwenda kushoto, juu kwenda chini</translation>
    </message>
    <message>
        <source>Bottom to Top, Left to Right</source>
        <translation>Chini kwenda juu, kushoto kwenda kulia</translation>
    </message>
    <message>
        <source>Bottom to Top, Right to Left</source>
        <translation>Chini kwenda juu, kulia kwenda kushoto</translation>
    </message>
    <message>
        <source>Top to Bottom, Left to Right</source>
        <translation>Juu kwenda chini, kushoto kwenda kulia</translation>
    </message>
    <message>
        <source>Top to Bottom, Right to Left</source>
        <translation>Juu kwenda chini, kulia kwenda kushoto</translation>
    </message>
    <message>
        <source>%1 already exists.
Do you want to overwrite it?</source>
        <translation>%1 tayari ipo.
Unataka kuiandika upya?</translation>
    </message>
    <message>
        <source>%1 is a directory.
Please choose a different file name.</source>
        <translation>%1 ni folda.
Tafadhali chagua jina lingine la faili.</translation>
    </message>
    <message>
        <source>File %1 is not writable.
Please choose a different file name.</source>
        <translation>Faili %1 haiwezi kuandikwa.
Tafadhali chagua jina lingine la faili.</translation>
    </message>
    <message>
        <source>%1 does not follow the correct syntax. Please use ',' to separate ranges and pages, '-' to define ranges and make sure ranges do not intersect with each other.</source>
        <translation>%1 haifuati muundo sahihi. Tumia ',' kutenganisha viwango na kurasa, '-' kuandika kiwango, na hakikisha viwango havipishani.</translation>
    </message>
    <message>
        <source>Invalid Pages Definition</source>
        <translation>Kurasa zimeandikwa vibaya</translation>
    </message>
    <message>
        <source>The 'From' value cannot be greater than the 'To' value.</source>
        <translation>Ukurasa wa kwanza hauwezi kuwa mkubwa kuliko ukurasa wa mwisho.</translation>
    </message>
    <message>
        <source>Options 'Pages Per Sheet' and 'Page Set' cannot be used together.
Please turn one of those options off.</source>
        <translation>Chaguo 'Idadi ya kurasa kwa karatasi' na 'Seti ya kurasa' haziwezi kutumika pamoja.
Tafadhali zima mojawapo.</translation>
    </message>
    <message>
        <source>Duplex Settings Conflicts</source>
        <translation>Mgongano katika mipangilio ya pande mbili</translation>
    </message>
    <message>
        <source>There are conflicts in duplex settings. Do you want to fix them?</source>
        <translation>Mipangilio ya uchapishaji wa pande mbili inagongana. Unataka kuirekebisha?</translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <source>Copies</source>
        <translation>Nakala</translation>
    </message>
    <message>
        <source>Copies:</source>
        <translation>Nakala:</translation>
    </message>
    <message>
        <source>Collate</source>
        <translation>Panga kwa mpangilio</translation>
    </message>
    <message>
        <source>Reverse</source>
        <translation>Kinyume</translation>
    </message>
    <message>
        <source>Print range</source>
        <translation>Kiwango cha kuchapisha</translation>
    </message>
    <message>
        <source>Print all</source>
        <translation>Chapisha zote</translation>
    </message>
    <message>
        <source>Pages from</source>
        <translation>Kurasa kuanzia</translation>
    </message>
    <message>
        <source>to</source>
        <translation>hadi</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Kurasa</translation>
    </message>
    <message>
        <source>Current Page</source>
        <translation>Ukurasa wa sasa</translation>
    </message>
    <message>
        <source>Selection</source>
        <translation>Uteuzi</translation>
    </message>
    <message>
        <source>Page &amp;Set:</source>
        <translation>&amp;Seti ya kurasa:</translation>
    </message>
    <message>
        <source>Output Settings</source>
        <translation>Mipangilio ya matokeo</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Chaguo</translation>
    </message>
    <message>
        <source>Color Mode</source>
        <translation>Hali ya rangi</translation>
    </message>
    <message>
        <source>Color</source>
        <translation>Rangi</translation>
    </message>
    <message>
        <source>Grayscale</source>
        <translation>Kijivu</translation>
    </message>
    <message>
        <source>Double Sided Printing</source>
        <translation>Uchapishaji wa pande mbili</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Imezimwa</translation>
    </message>
    <message>
        <source>Long side binding</source>
        <translation>Kufunga upande mrefu</translation>
    </message>
    <message>
        <source>Short side binding</source>
        <translation>Kufunga upande mfupi</translation>
    </message>
    <message>
        <source>Specify pages or ranges separated by commas. Ranges are specified by two numbers separated by a hyphen. E.g: 3,5-7,9 prints pages 3, 5, 6, 7 and 9.</source>
        <translation>Taja kurasa au viwango vilivyotenganishwa kwa koma. Kiwango huandikwa kwa namba mbili zilizotenganishwa kwa kistari. Mfano: 3,5-7,9 huchapisha kurasa 3, 5, 6, 7 na 9.</translation>
    </message>
</context>
<context>
    <name>QPrintWidget</name>
    <message>
        <source>Printer</source>
        <translation>Printa</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Jina:</translation>
    </message>
    <message>
        <source>P&amp;roperties</source>
        <translation>&amp;Sifa</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>Mahali:</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Onyesho la awali</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Aina:</translation>
    </message>
    <message>
        <source>Output &amp;file:</source>
        <translation>&amp;Faili ya matokeo:</translation>
    </message>
</context>
<context>
    <name>QPrintPropertiesDialog</name>
    <message>
        <source>Printer Properties</source>
        <translation>Sifa za printa</translation>
    </message>
    <message>
        <source>Job Options</source>
        <translation>Chaguo za kazi ya uchapishaji</translation>
    </message>
    <message>
        <source>Page Setup Conflicts</source>
        <translation>Mgongano katika mpangilio wa ukurasa</translation>
    </message>
    <message>
        <source>There are conflicts in page setup options. Do you want to fix them?</source>
        <translation>Chaguo za mpangilio wa ukurasa zinagongana. Unataka kuzirekebisha?</translation>
    </message>
    <message>
        <source>Advanced Option Conflicts</source>
        <translation>Mgongano katika mipangilio ya kina</translation>
    </message>
    <message>
        <source>There are conflicts in some advanced options. Do you want to fix them?</source>
        <translation>Baadhi ya mipangilio ya kina inagongana. Unataka kuirekebisha?</translation>
    </message>
    <message>
        <source>Custom value for %1</source>
        <translation>Thamani maalum ya %1</translation>
    </message>
</context>
<context>
    <name>QPrintPropertiesWidget</name>
    <message>
        <source>Page</source>
        <translation>Ukurasa</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Mipangilio ya kina</translation>
    </message>
    <message>
        <source>There are conflicts in some options. Please fix them.</source>
        <translation>Baadhi ya chaguo zinagongana. Tafadhali zirekebishe.</translation>
    </message>
</context>
<context>
    <name>QPageSetupWidget</name>
    <message>
        <source>Paper</source>
        <translation>Karatasi</translation>
    </message>
    <message>
        <source>Page size:</source>
        <translation>Ukubwa wa ukurasa:</translation>
    </message>
    <message>
        <source>Width:</source>
        <translation>Upana:</translation>
    </message>
    <message>
        <source>Height:</source>
        <translation>Urefu:</translation>
    </message>
    <message>
        <source>Paper source:</source>
        <translation>Chanzo cha karatasi:</translation>
    </message>
    <message>
        <source>Orientation</source>
        <translation>Mkao</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>Wima</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>Mlalo</translation>
    </message>
    <message>
        <source>Reverse portrait</source>
        <translation>Wima uliogeuzwa</translation>
    </message>
    <message>
        <source>Reverse landscape</source>
        <translation>Mlalo uliogeuzwa</translation>
    </message>
    <message>
        <source>Margins</source>
        <translation>Pambizo</translation>
    </message>
    <message>
        <source>top margin</source>
        <translation>pambizo la juu</translation>
    </message>
    <message>
        <source>left margin</source>
        <translation>pambizo la kushoto</translation>
    </message>
    <message>
        <source>right margin</source>
        <translation>pambizo la kulia</translation>
    </message>
    <message>
        <source>bottom margin</source>
        <translation>pambizo la chini</translation>
    </message>
    <message>
        <source>Page Layout</source>
        <translation>Mpangilio wa kurasa</translation>
    </message>
    <message>
        <source>Pages &amp;per sheet:</source>
        <translation>&amp;Idadi ya kurasa kwa karatasi:</translation>
    </message>
    <message>
        <source>Page &amp;order:</source>
        <translation>&amp;Mfuatano wa kurasa:</translation>
    </message>
    <message>
        <source>Pages per sheet:</source>
        <translation>Idadi ya kurasa kwa karatasi:</translation>
    </message>
    <message>
        <source>Page order:</source>
        <translation>Mfuatano wa kurasa:</translation>
    </message>
    <message>
        <source>Millimeters (mm)</source>
        <translation>Milimita (mm)</translation>
    </message>
    <message>
        <source>Inches (in)</source>
        <translation>Inchi (in)</translation>
    </message>
    <message>
        <source>Points (pt)</source>
        <translation>Pointi (pt)</translation>
    </message>
    <message>
        <source>Pica (P̸)</source>
        <translation>Pika (P̸)</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Maalum</translation>
    </message>
</context>
<context>
    <name>QCupsJobWidget</name>
    <message>
        <source>Job Control</source>
        <translation>Udhibiti wa kazi</translation>
    </message>
    <message>
        <source>Scheduled &amp;printing:</source>
        <translation>&amp;Ratiba ya uchapishaji:</translation>
    </message>
    <message>
        <source>Print Immediately</source>
        <translation>Chapisha sasa hivi</translation>
    </message>
    <message>
        <source>Hold Indefinitely</source>
        <translation>Shikilia bila kikomo</translation>
    </message>
    <message>
        <source>Day (06:00 to 17:59)</source>
        <translation>Mchana (06:00 hadi 17:59)</translation>
    </message>
    <message>
        <source>Night (18:00 to 05:59)</source>
        <translation>Usiku (18:00 hadi 05:59)</translation>
    </message>
    <message>
        <source>Second Shift (16:00 to 23:59)</source>
        <translation>Zamu ya pili (16:00 hadi 23:59)</translation>
    </message>
    <message>
        <source>Third Shift (00:00 to 07:59)</source>
        <translation>Zamu ya tatu (00:00 hadi 07:59)</translation>
    </message>
    <message>
        <source>Weekend (Saturday to Sunday)</source>
        <translation>Wikendi (Jumamosi hadi Jumapili)</translation>
    </message>
    <message>
        <source>Specific Time</source>
        <translation>Wakati maalum</translation>
    </message>
    <message>
        <source>&amp;Billing information:</source>
        <translation>Taarifa za &amp;malipo:</translation>
    </message>
    <message>
        <source>Job &amp;priority:</source>
        <translation>&amp;Kipaumbele cha kazi:</translation>
    </message>
    <message>
        <source>Banner Pages</source>
        <translation>Kurasa za bango</translation>
    </message>
    <message>
        <source>&amp;Start:</source>
        <translation>M&amp;wanzoni:</translation>
    </message>
    <message>
        <source>&amp;End:</source>
        <translation>Mwi&amp;shoni:</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Hakuna</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Kawaida</translation>
    </message>
    <message>
        <source>Unclassified</source>
        <translation>Si siri</translation>
    </message>
    <message>
        <source>Confidential</source>
        <translation>Ya faragha</translation>
    </message>
    <message>
        <source>Classified</source>
        <translation>Imewekwa siri</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Siri</translation>
    </message>
    <message>
        <source>Top Secret</source>
        <translation>Siri kuu</translation>
    </message>
</context>
<!-- Page sizes: the names of paper formats (Letter, Legal, Executive, Folio, Tabloid...) stay as they are; the words (envelope, postcard, custom) are translated. -->
<context>
    <name>QPageSize</name>
    <message>
        <source>Custom</source>
        <translation>Maalum</translation>
    </message>
    <message>
        <source>A4 Small</source>
        <translation>A4 Ndogo</translation>
    </message>
    <message>
        <source>Letter Small</source>
        <translation>Letter Ndogo</translation>
    </message>
    <message>
        <source>Postcard</source>
        <translation>Postikadi</translation>
    </message>
    <message>
        <source>Double Postcard</source>
        <translation>Postikadi maradufu</translation>
    </message>
    <message>
        <source>PRC 32K Big</source>
        <translation>PRC 32K Kubwa</translation>
    </message>
    <message>
        <source>Fan-fold US (14.875 x 11 in)</source>
        <translation>Fan-fold ya Marekani (14.875 x 11 in)</translation>
    </message>
    <message>
        <source>Fan-fold German (8.5 x 12 in)</source>
        <translation>Fan-fold ya Ujerumani (8.5 x 12 in)</translation>
    </message>
    <message>
        <source>Fan-fold German Legal (8.5 x 13 in)</source>
        <translation>Fan-fold Legal ya Ujerumani (8.5 x 13 in)</translation>
    </message>
    <message>
        <source>Envelope B4</source>
        <translation>Bahasha B4</translation>
    </message>
    <message>
        <source>Envelope B5</source>
        <translation>Bahasha B5</translation>
    </message>
    <message>
        <source>Envelope B6</source>
        <translation>Bahasha B6</translation>
    </message>
    <message>
        <source>Envelope C0</source>
        <translation>Bahasha C0</translation>
    </message>
    <message>
        <source>Envelope C1</source>
        <translation>Bahasha C1</translation>
    </message>
    <message>
        <source>Envelope C2</source>
        <translation>Bahasha C2</translation>
    </message>
    <message>
        <source>Envelope C3</source>
        <translation>Bahasha C3</translation>
    </message>
    <message>
        <source>Envelope C4</source>
        <translation>Bahasha C4</translation>
    </message>
    <message>
        <source>Envelope C5</source>
        <translation>Bahasha C5</translation>
    </message>
    <message>
        <source>Envelope C6</source>
        <translation>Bahasha C6</translation>
    </message>
    <message>
        <source>Envelope C65</source>
        <translation>Bahasha C65</translation>
    </message>
    <message>
        <source>Envelope C7</source>
        <translation>Bahasha C7</translation>
    </message>
    <message>
        <source>Envelope DL</source>
        <translation>Bahasha DL</translation>
    </message>
    <message>
        <source>Envelope US 9</source>
        <translation>Bahasha US 9</translation>
    </message>
    <message>
        <source>Envelope US 10</source>
        <translation>Bahasha US 10</translation>
    </message>
    <message>
        <source>Envelope US 11</source>
        <translation>Bahasha US 11</translation>
    </message>
    <message>
        <source>Envelope US 12</source>
        <translation>Bahasha US 12</translation>
    </message>
    <message>
        <source>Envelope US 14</source>
        <translation>Bahasha US 14</translation>
    </message>
    <message>
        <source>Envelope Monarch</source>
        <translation>Bahasha Monarch</translation>
    </message>
    <message>
        <source>Envelope Personal</source>
        <translation>Bahasha binafsi</translation>
    </message>
    <message>
        <source>Envelope Chou 3</source>
        <translation>Bahasha Chou 3</translation>
    </message>
    <message>
        <source>Envelope Chou 4</source>
        <translation>Bahasha Chou 4</translation>
    </message>
    <message>
        <source>Envelope Invite</source>
        <translation>Bahasha ya mwaliko</translation>
    </message>
    <message>
        <source>Envelope Italian</source>
        <translation>Bahasha ya Kiitaliano</translation>
    </message>
    <message>
        <source>Envelope Kaku 2</source>
        <translation>Bahasha Kaku 2</translation>
    </message>
    <message>
        <source>Envelope Kaku 3</source>
        <translation>Bahasha Kaku 3</translation>
    </message>
    <message>
        <source>Envelope PRC 1</source>
        <translation>Bahasha PRC 1</translation>
    </message>
    <message>
        <source>Envelope PRC 2</source>
        <translation>Bahasha PRC 2</translation>
    </message>
    <message>
        <source>Envelope PRC 3</source>
        <translation>Bahasha PRC 3</translation>
    </message>
    <message>
        <source>Envelope PRC 4</source>
        <translation>Bahasha PRC 4</translation>
    </message>
    <message>
        <source>Envelope PRC 5</source>
        <translation>Bahasha PRC 5</translation>
    </message>
    <message>
        <source>Envelope PRC 6</source>
        <translation>Bahasha PRC 6</translation>
    </message>
    <message>
        <source>Envelope PRC 7</source>
        <translation>Bahasha PRC 7</translation>
    </message>
    <message>
        <source>Envelope PRC 8</source>
        <translation>Bahasha PRC 8</translation>
    </message>
    <message>
        <source>Envelope PRC 9</source>
        <translation>Bahasha PRC 9</translation>
    </message>
    <message>
        <source>Envelope PRC 10</source>
        <translation>Bahasha PRC 10</translation>
    </message>
    <message>
        <source>Envelope You 4</source>
        <translation>Bahasha You 4</translation>
    </message>
    <message>
        <source>Custom (%1mm x %2mm)</source>
        <translation>Maalum (%1mm x %2mm)</translation>
    </message>
    <message>
        <source>Custom (%1pt x %2pt)</source>
        <translation>Maalum (%1pt x %2pt)</translation>
    </message>
    <message>
        <source>Custom (%1in x %2in)</source>
        <translation>Maalum (%1in x %2in)</translation>
    </message>
    <message>
        <source>Custom (%1pc x %2pc)</source>
        <translation>Maalum (%1pc x %2pc)</translation>
    </message>
    <message>
        <source>Custom (%1DD x %2DD)</source>
        <translation>Maalum (%1DD x %2DD)</translation>
    </message>
    <message>
        <source>Custom (%1CC x %2CC)</source>
        <translation>Maalum (%1CC x %2CC)</translation>
    </message>
</context>
<!-- Key names in shortcuts: the labels printed on the keys (Ctrl, Shift, Alt, Del, Esc, Tab, Home, End, PgUp...) stay as the keyboard shows them; the keys named by a word (Space, the arrows, Menu, Help...) are translated. -->
<context>
    <name>QShortcut</name>
    <message>
        <source>Space</source>
        <translation>Nafasi</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>Kushoto</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Kulia</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Juu</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Chini</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menyu</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Msaada</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Nyuma</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Mbele</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Onyesha upya</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Futa yote</translation>
    </message>
</context>
</TS>
