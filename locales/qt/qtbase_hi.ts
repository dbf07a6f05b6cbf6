<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Qt's own dialog strings in hi: PySide6 ships no qtbase_hi.qm. Built into .qm by `make catalogs`. -->
<TS version="2.1" language="hi">
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>ठीक है</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>सहेजें</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>सभी सहेजें</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>खोलें</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;हाँ</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>सभी के लिए हाँ</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;नहीं</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>सभी के लिए नहीं</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>निरस्त करें</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>फिर से प्रयास करें</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>अनदेखा करें</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>बंद करें</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>छोड़ दें</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>सहायता</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>लागू करें</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>रीसेट करें</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>डिफ़ॉल्ट बहाल करें</translation>
    </message>
</context>
<context>
    <name>QDialogButtonBox</name>
    <message>
        <source>OK</source>
        <translation>ठीक है</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Show Details...</source>
        <translation>विवरण दिखाएँ...</translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translation>विवरण छिपाएँ...</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;पूर्ववत करें</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;फिर से करें</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;काटें</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;कॉपी करें</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;चिपकाएँ</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>हटाएँ</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>सभी चुनें</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;पूर्ववत करें</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;फिर से करें</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>&amp;काटें</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;कॉपी करें</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation>&amp;लिंक का पता कॉपी करें</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;चिपकाएँ</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>हटाएँ</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>सभी चुनें</translation>
    </message>
</context>
<context>
    <name>QInputDialog</name>
    <message>
        <source>Enter a value:</source>
        <translation>कोई मान दर्ज करें:</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>Name</source>
        <translation>नाम</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>आकार</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>प्रकार</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>प्रकार</translation>
    </message>
    <message>
        <source>Date Modified</source>
        <translation>बदलाव की तारीख़</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>कंप्यूटर</translation>
    </message>
    <message>
        <source>My Computer</source>
        <translation>मेरा कंप्यूटर</translation>
    </message>
    <message>
        <source>Invalid filename</source>
        <translation>अमान्य फ़ाइल नाम</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>Look in:</source>
        <translation>यहाँ देखें:</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>फ़ाइल का &amp;नाम:</translation>
    </message>
    <message>
        <source>Files of type:</source>
        <translation>फ़ाइल का प्रकार:</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;खोलें</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;सहेजें</translation>
    </message>
    <message>
        <source>&amp;Choose</source>
        <translation>&amp;चुनें</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>खोलें</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>इस रूप में सहेजें</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>पीछे</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>आगे</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>पीछे जाएँ</translation>
    </message>
    <message>
        <source>Go forward</source>
        <translation>आगे जाएँ</translation>
    </message>
    <message>
        <source>Parent Directory</source>
        <translation>ऊपरी फ़ोल्डर</translation>
    </message>
    <message>
        <source>Go to the parent directory</source>
        <translation>ऊपरी फ़ोल्डर में जाएँ</translation>
    </message>
    <message>
        <source>Create New Folder</source>
        <translation>नया फ़ोल्डर बनाएँ</translation>
    </message>
    <message>
        <source>Create a New Folder</source>
        <translation>एक नया फ़ोल्डर बनाएँ</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation>नया फ़ोल्डर</translation>
    </message>
    <message>
        <source>&amp;New Folder</source>
        <translation>&amp;नया फ़ोल्डर</translation>
    </message>
    <message>
        <source>List View</source>
        <translation>सूची दृश्य</translation>
    </message>
    <message>
        <source>Detail View</source>
        <translation>विवरण दृश्य</translation>
    </message>
    <message>
        <source>Change to list view mode</source>
        <translation>सूची दृश्य पर जाएँ</translation>
    </message>
    <message>
        <source>Change to detail view mode</source>
        <translation>विवरण दृश्य पर जाएँ</translation>
    </message>
    <message>
        <source>List of places and bookmarks</source>
        <translation>स्थानों और बुकमार्क की सूची</translation>
    </message>
    <message>
        <source>Sidebar</source>
        <translation>साइडबार</translation>
    </message>
    <message>
        <source>My Computer</source>
        <translation>मेरा कंप्यूटर</translation>
    </message>
    <message>
        <source>Recent Places</source>
        <translation>हाल के स्थान</translation>
    </message>
    <message>
        <source>Directory:</source>
        <translation>फ़ोल्डर:</translation>
    </message>
    <message>
        <source>Directories</source>
        <translation>फ़ोल्डर</translation>
    </message>
    <message>
        <source>Find Directory</source>
        <translation>फ़ोल्डर खोजें</translation>
    </message>
    <message>
        <source>All Files (*)</source>
        <translation>सभी फ़ाइलें (*)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>सभी फ़ाइलें (*)</translation>
    </message>
    <message>
        <source>File</source>
        <translation>फ़ाइल</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>फ़ोल्डर</translation>
    </message>
    <message>
        <source>File Folder</source>
        <translation>फ़ाइल फ़ोल्डर</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>फ़ाइलें</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>ड्राइव</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>अज्ञात</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;नाम बदलें</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;हटाएँ</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>हटाएँ</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>हटाएँ</translation>
    </message>
    <message>
        <source>Show &amp;hidden files</source>
        <translation>&amp;छिपी फ़ाइलें दिखाएँ</translation>
    </message>
    <message>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>%1 पहले से मौजूद है।
क्या आप इसे बदलना चाहते हैं?</translation>
    </message>
    <message>
        <source>%1
File not found.
Please verify the correct file name was given.</source>
        <translation>%1
फ़ाइल नहीं मिली।
कृपया जाँचें कि फ़ाइल का सही नाम दिया गया है।</translation>
    </message>
    <message>
        <source>%1
Directory not found.
Please verify the correct directory name was given.</source>
        <translation>%1
फ़ोल्डर नहीं मिला।
कृपया जाँचें कि फ़ोल्डर का सही नाम दिया गया है।</translation>
    </message>
    <message>
        <source>Are you sure you want to delete '%1'?</source>
        <translation>क्या आप सच में '%1' हटाना चाहते हैं?</translation>
    </message>
    <message>
        <source>Could not delete directory.</source>
        <translation>फ़ोल्डर हटाया नहीं जा सका।</translation>
    </message>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;यहाँ देखें:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>फ़ाइल का &amp;प्रकार:</translation>
    </message>
    <message>
        <source>Show </source>
        <translation>दिखाएँ: </translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>फ़ोल्डर</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>ड्राइव</translation>
    </message>
</context>
<context>
    <name>QWizard</name>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;पीछे</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;आगे &gt;</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;समाप्त करें</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;सहायता</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>पुष्टि करें</translation>
    </message>
</context>
<context>
    <name>QProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
</context>
<context>
    <name>QPrintDialog</name>
    <message>
        <source>&amp;Options &gt;&gt;</source>
        <translation>&amp;विकल्प &gt;&gt;</translation>
    </message>
    <message>
        <source>&amp;Options &lt;&lt;</source>
        <translation>&amp;विकल्प &lt;&lt;</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>&amp;छापें</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>छापें</translation>
    </message>
    <message>
        <source>All Pages</source>
        <translation>सभी पन्ने</translation>
    </message>
    <message>
        <source>Odd Pages</source>
        <translation>विषम पन्ने</translation>
    </message>
    <message>
        <source>Even Pages</source>
        <translation>सम पन्ने</translation>
    </message>
    <message>
        <source>Local file</source>
        <translation>स्थानीय फ़ाइल</translation>
    </message>
    <message>
        <source>Print to File (PDF)</source>
        <translation>फ़ाइल में छापें (PDF)</translation>
    </message>
    <message>
        <source>Write PDF file</source>
        <translation>PDF फ़ाइल लिखें</translation>
    </message>
    <message>
        <source>Print To File ...</source>
        <translation>फ़ाइल में छापें ...</translation>
    </message>
    <message>
        <source>Left to Right, Top to Bottom</source>
        <translation>बाएँ से दाएँ, ऊपर से नीचे</translation>
    </message>
    <message>
        <source>Left to Right, Bottom to Top</source>
        <translation>बाएँ से दाएँ, नीचे से ऊपर</translation>
    </message>
    <message>
        <source>Right to Left, Bottom to Top</source>
        <translation>दाएँ से बाएँ, नीचे से ऊपर</translation>
    </message>
    <message>
        <source>Right to Left, Top to Bottom</source>
        <translation>दाएँ से बाएँ, ऊपर से नीचे</translation>
    </message>
    <message>
        <source>Bottom to Top, Left to Right</source>
        <translation>नीचे से ऊपर, बाएँ से दाएँ</translation>
    </message>
    <message>
        <source>Bottom to Top, Right to Left</source>
        <translation>नीचे से ऊपर, दाएँ से बाएँ</translation>
    </message>
    <message>
        <source>Top to Bottom, Left to Right</source>
        <translation>ऊपर से नीचे, बाएँ से दाएँ</translation>
    </message>
    <message>
        <source>Top to Bottom, Right to Left</source>
        <translation>ऊपर से नीचे, दाएँ से बाएँ</translation>
    </message>
    <message>
        <source>%1 already exists.
Do you want to overwrite it?</source>
        <translation>%1 पहले से मौजूद है।
क्या आप इसे बदलना चाहते हैं?</translation>
    </message>
    <message>
        <source>%1 is a directory.
Please choose a different file name.</source>
        <translation>%1 एक फ़ोल्डर है।
कृपया फ़ाइल का कोई दूसरा नाम चुनें।</translation>
    </message>
    <message>
        <source>File %1 is not writable.
Please choose a different file name.</source>
        <translation>फ़ाइल %1 में लिखा नहीं जा सकता।
कृपया फ़ाइल का कोई दूसरा नाम चुनें।</translation>
    </message>
    <message>
        <source>%1 does not follow the correct syntax. Please use ',' to separate ranges and pages, '-' to define ranges and make sure ranges do not intersect with each other.</source>
        <translation>%1 सही ढंग से नहीं लिखा गया है। पन्नों और सीमाओं को ',' से अलग करें, सीमा '-' से लिखें, और ध्यान रखें कि कोई दो सीमाएँ एक-दूसरे पर न चढ़ें।</translation>
    </message>
    <message>
        <source>Invalid Pages Definition</source>
        <translation>पन्ने ग़लत लिखे गए हैं</translation>
    </message>
    <message>
        <source>The 'From' value cannot be greater than the 'To' value.</source>
        <translation>पहले पन्ने की संख्या आख़िरी पन्ने की संख्या से बड़ी नहीं हो सकती।</translation>
    </message>
    <message>
        <source>Options 'Pages Per Sheet' and 'Page Set' cannot be used together.
Please turn one of those options off.</source>
        <translation>'प्रति शीट पन्ने' और 'पन्नों का सेट' एक साथ नहीं चुने जा सकते।
कृपया इनमें से एक बंद करें।</translation>
    </message>
    <message>
        <source>Duplex Settings Conflicts</source>
        <translation>दोनों तरफ़ छपाई की सेटिंग्स में टकराव</translation>
    </message>
    <message>
        <source>There are conflicts in duplex settings. Do you want to fix them?</source>
        <translation>दोनों तरफ़ छपाई की सेटिंग्स आपस में टकराती हैं। क्या आप इन्हें ठीक करना चाहते हैं?</translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <source>Copies</source>
        <translation>प्रतियाँ</translation>
    </message>
    <message>
        <source>Copies:</source>
        <translation>प्रतियाँ:</translation>
    </message>
    <message>
        <source>Collate</source>
        <translation>क्रम से मिलाएँ</translation>
    </message>
    <message>
        <source>Reverse</source>
        <translation>उल्टे क्रम में</translation>
    </message>
    <message>
        <source>Print range</source>
        <translation>छपाई की सीमा</translation>
    </message>
    <message>
        <source>Print all</source>
        <translation>सब छापें</translation>
    </message>
    <message>
        <source>Pages from</source>
        <translation>पन्ने</translation>
    </message>
    <message>
        <source>to</source>
        <translation>से</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>पन्ने</translation>
    </message>
    <message>
        <source>Current Page</source>
        <translation>वर्तमान पन्ना</translation>
    </message>
    <message>
        <source>Selection</source>
        <translation>चयन</translation>
    </message>
    <message>
        <source>Page &amp;Set:</source>
        <translation>पन्नों का &amp;सेट:</translation>
    </message>
    <message>
        <source>Output Settings</source>
        <translation>आउटपुट सेटिंग्स</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>विकल्प</translation>
    </message>
    <message>
        <source>Color Mode</source>
        <translation>रंग मोड</translation>
    </message>
    <message>
        <source>Color</source>
        <translation>रंगीन</translation>
    </message>
    <message>
        <source>Grayscale</source>
        <translation>ग्रेस्केल</translation>
    </message>
    <message>
        <source>Double Sided Printing</source>
        <translation>दोनों तरफ़ छपाई</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>बंद</translation>
    </message>
    <message>
        <source>Long side binding</source>
        <translation>लंबी तरफ़ से जिल्द</translation>
    </message>
    <message>
        <source>Short side binding</source>
        <translation>छोटी तरफ़ से जिल्द</translation>
    </message>
    <message>
        <source>Specify pages or ranges separated by commas. Ranges are specified by two numbers separated by a hyphen. E.g: 3,5-7,9 prints pages 3, 5, 6, 7 and 9.</source>
        <translation>पन्ने या सीमाएँ अल्पविराम से अलग करके लिखें। सीमा दो संख्याओं के बीच हाइफ़न लगाकर लिखी जाती है। जैसे: 3,5-7,9 से पन्ने 3, 5, 6, 7 और 9 छपेंगे।</translation>
    </message>
</context>
<context>
    <name>QPrintWidget</name>
    <message>
        <source>Printer</source>
        <translation>प्रिंटर</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;नाम:</translation>
    </message>
    <message>
        <source>P&amp;roperties</source>
        <translation>&amp;गुण</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>स्थान:</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>पूर्वावलोकन</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>प्रकार:</translation>
    </message>
    <message>
        <source>Output &amp;file:</source>
        <translation>आउटपुट &amp;फ़ाइल:</translation>
    </message>
</context>
<context>
    <name>QPrintPropertiesDialog</name>
    <message>
        <source>Printer Properties</source>
        <translation>प्रिंटर के गुण</translation>
    </message>
    <message>
        <source>Job Options</source>
        <translation>छपाई कार्य के विकल्प</translation>
    </message>
    <message>
        <source>Page Setup Conflicts</source>
        <translation>पन्ने की सेटिंग में टकराव</translation>
    </message>
    <message>
        <source>There are conflicts in page setup options. Do you want to fix them?</source>
        <translation>पन्ने की सेटिंग के कुछ विकल्प आपस में टकराते हैं। क्या आप इन्हें ठीक करना चाहते हैं?</translation>
    </message>
    <message>
        <source>Advanced Option Conflicts</source>
        <translation>उन्नत विकल्पों में टकराव</translation>
    </message>
    <message>
        <source>There are conflicts in some advanced options. Do you want to fix them?</source>
        <translation>कुछ उन्नत विकल्प आपस में टकराते हैं। क्या आप इन्हें ठीक करना चाहते हैं?</translation>
    </message>
    <message>
        <source>Custom value for %1</source>
        <translation>%1 के लिए अपना मान</translation>
    </message>
</context>
<context>
    <name>QPrintPropertiesWidget</name>
    <message>
        <source>Page</source>
        <translation>पन्ना</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>उन्नत</translation>
    </message>
    <message>
        <source>There are conflicts in some options. Please fix them.</source>
        <translation>कुछ विकल्प आपस में टकराते हैं। कृपया इन्हें ठीक करें।</translation>
    </message>
</context>
<context>
    <name>QPageSetupWidget</name>
    <message>
        <source>Paper</source>
        <translation>काग़ज़</translation>
    </message>
    <message>
        <source>Page size:</source>
        <translation>पन्ने का आकार:</translation>
    </message>
    <message>
        <source>Width:</source>
        <translation>चौड़ाई:</translation>
    </message>
    <message>
        <source>Height:</source>
        <translation>ऊँचाई:</translation>
    </message>
    <message>
        <source>Paper source:</source>
        <translation>काग़ज़ कहाँ से:</translation>
    </message>
    <message>
        <source>Orientation</source>
        <translation>पन्ने की दिशा</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>खड़ा</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>आड़ा</translation>
    </message>
    <message>
        <source>Reverse portrait</source>
        <translation>उल्टा खड़ा</translation>
    </message>
    <message>
        <source>Reverse landscape</source>
        <translation>उल्टा आड़ा</translation>
    </message>
    <message>
        <source>Margins</source>
        <translation>हाशिए</translation>
    </message>
    <message>
        <source>top margin</source>
        <translation>ऊपरी हाशिया</translation>
    </message>
    <message>
        <source>left margin</source>
        <translation>बायाँ हाशिया</translation>
    </message>
    <message>
        <source>right margin</source>
        <translation>दायाँ हाशिया</translation>
    </message>
    <message>
        <source>bottom margin</source>
        <translation>निचला हाशिया</translation>
    </message>
    <message>
        <source>Page Layout</source>
        <translation>पन्नों की व्यवस्था</translation>
    </message>
    <message>
        <source>Pages &amp;per sheet:</source>
        <translation>प्रति शीट &amp;पन्ने:</translation>
    </message>
    <message>
        <source>Page &amp;order:</source>
        <translation>पन्नों का &amp;क्रम:</translation>
    </message>
    <message>
        <source>Pages per sheet:</source>
        <translation>प्रति शीट पन्ने:</translation>
    </message>
    <message>
        <source>Page order:</source>
        <translation>पन्नों का क्रम:</translation>
    </message>
    <message>
        <source>Millimeters (mm)</source>
        <translation>मिलीमीटर (mm)</translation>
    </message>
    <message>
        <source>Inches (in)</source>
        <translation>इंच (in)</translation>
    </message>
    <message>
        <source>Points (pt)</source>
        <translation>पॉइंट (pt)</translation>
    </message>
    <message>
        <source>Pica (P̸)</source>
        <translation>पाइका (P̸)</translation>
    </message>
    <message>
        <source>Didot (DD)</source>
        <translation>डिडो (DD)</translation>
    </message>
    <message>
        <source>Cicero (CC)</source>
        <translation>सिसेरो (CC)</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>कस्टम</translation>
    </message>
</context>
<context>
    <name>QCupsJobWidget</name>
    <message>
        <source>Job Control</source>
        <translation>छपाई कार्य का नियंत्रण</translation>
    </message>
    <message>
        <source>Scheduled &amp;printing:</source>
        <translation>तय समय पर &amp;छपाई:</translation>
    </message>
    <message>
        <source>Print Immediately</source>
        <translation>तुरंत छापें</translation>
    </message>
    <message>
        <source>Hold Indefinitely</source>
        <translation>अनिश्चित समय तक रोकें</translation>
    </message>
    <message>
        <source>Day (06:00 to 17:59)</source>
        <translation>दिन में (06:00 से 17:59)</translation>
    </message>
    <message>
        <source>Night (18:00 to 05:59)</source>
        <translation>रात में (18:00 से 05:59)</translation>
    </message>
    <message>
        <source>Second Shift (16:00 to 23:59)</source>
        <translation>दूसरी पाली (16:00 से 23:59)</translation>
    </message>
    <message>
        <source>Third Shift (00:00 to 07:59)</source>
        <translation>तीसरी पाली (00:00 से 07:59)</translation>
    </message>
    <message>
        <source>Weekend (Saturday to Sunday)</source>
        <translation>सप्ताहांत (शनिवार से रविवार)</translation>
    </message>
    <message>
        <source>Specific Time</source>
        <translation>तय समय पर</translation>
    </message>
    <message>
        <source>&amp;Billing information:</source>
        <translation>&amp;बिलिंग की जानकारी:</translation>
    </message>
    <message>
        <source>Job &amp;priority:</source>
        <translation>कार्य की &amp;प्राथमिकता:</translation>
    </message>
    <message>
        <source>Banner Pages</source>
        <translation>बैनर पन्ने</translation>
    </message>
    <message>
        <source>&amp;Start:</source>
        <translation>&amp;शुरू में:</translation>
    </message>
    <message>
        <source>&amp;End:</source>
        <translation>&amp;अंत में:</translation>
    </message>
    <message>
        <source>None</source>
        <translation>कोई नहीं</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>मानक</translation>
    </message>
    <message>
        <source>Unclassified</source>
        <translation>अवर्गीकृत</translation>
    </message>
    <message>
        <source>Confidential</source>
        <translation>गोपनीय</translation>
    </message>
    <message>
        <source>Classified</source>
        <translation>वर्गीकृत</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>गुप्त</translation>
    </message>
    <message>
        <source>Top Secret</source>
        <translation>अति गुप्त</translation>
    </message>
</context>
<!-- Page sizes: the names of paper formats written in Devanagari, the words (envelope, postcard, custom) translated; codes (A4, ANSI, JIS, PRC, DL) and unit symbols (mm, in) as they are. -->
<context>
    <name>QPageSize</name>
    <message>
        <source>Letter / ANSI A</source>
        <translation>लेटर / ANSI A</translation>
    </message>
    <message>
        <source>Legal</source>
        <translation>लीगल</translation>
    </message>
    <message>
        <source>Executive (7.5 x 10 in)</source>
        <translation>एग्ज़िक्यूटिव (7.5 x 10 in)</translation>
    </message>
    <message>
        <source>Executive (7.25 x 10.5 in)</source>
        <translation>एग्ज़िक्यूटिव (7.25 x 10.5 in)</translation>
    </message>
    <message>
        <source>Folio (8.27 x 13 in)</source>
        <translation>फ़ोलियो (8.27 x 13 in)</translation>
    </message>
    <message>
        <source>Ledger / ANSI B</source>
        <translation>लेजर / ANSI B</translation>
    </message>
    <message>
        <source>Tabloid / ANSI B</source>
        <translation>टैब्लॉइड / ANSI B</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>कस्टम</translation>
    </message>
    <message>
        <source>A3 Extra</source>
        <translation>A3 एक्स्ट्रा</translation>
    </message>
    <message>
        <source>A4 Extra</source>
        <translation>A4 एक्स्ट्रा</translation>
    </message>
    <message>
        <source>A4 Plus</source>
        <translation>A4 प्लस</translation>
    </message>
    <message>
        <source>A4 Small</source>
        <translation>A4 स्मॉल</translation>
    </message>
    <message>
        <source>A5 Extra</source>
        <translation>A5 एक्स्ट्रा</translation>
    </message>
    <message>
        <source>B5 Extra</source>
        <translation>B5 एक्स्ट्रा</translation>
    </message>
    <message>
        <source>Legal Extra</source>
        <translation>लीगल एक्स्ट्रा</translation>
    </message>
    <message>
        <source>Letter Extra</source>
        <translation>लेटर एक्स्ट्रा</translation>
    </message>
    <message>
        <source>Letter Plus</source>
        <translation>लेटर प्लस</translation>
    </message>
    <message>
        <source>Letter Small</source>
        <translation>लेटर स्मॉल</translation>
    </message>
    <message>
        <source>Tabloid Extra</source>
        <translation>टैब्लॉइड एक्स्ट्रा</translation>
    </message>
    <message>
        <source>Architect A</source>
        <translation>आर्किटेक्ट A</translation>
    </message>
    <message>
        <source>Architect B</source>
        <translation>आर्किटेक्ट B</translation>
    </message>
    <message>
        <source>Architect C</source>
        <translation>आर्किटेक्ट C</translation>
    </message>
    <message>
        <source>Architect D</source>
        <translation>आर्किटेक्ट D</translation>
    </message>
    <message>
        <source>Architect E</source>
        <translation>आर्किटेक्ट E</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>नोट</translation>
    </message>
    <message>
        <source>Quarto</source>
        <translation>क्वार्टो</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>स्टेटमेंट</translation>
    </message>
    <message>
        <source>Super A</source>
        <translation>सुपर A</translation>
    </message>
    <message>
        <source>Super B</source>
        <translation>सुपर B</translation>
    </message>
    <message>
        <source>Postcard</source>
        <translation>पोस्टकार्ड</translation>
    </message>
    <message>
        <source>Double Postcard</source>
        <translation>डबल पोस्टकार्ड</translation>
    </message>
    <message>
        <source>PRC 32K Big</source>
        <translation>PRC 32K बड़ा</translation>
    </message>
    <message>
        <source>Fan-fold US (14.875 x 11 in)</source>
        <translation>US फ़ैन-फ़ोल्ड (14.875 x 11 in)</translation>
    </message>
    <message>
        <source>Fan-fold German (8.5 x 12 in)</source>
        <translation>जर्मन फ़ैन-फ़ोल्ड (8.5 x 12 in)</translation>
    </message>
    <message>
        <source>Fan-fold German Legal (8.5 x 13 in)</source>
        <translation>जर्मन लीगल फ़ैन-फ़ोल्ड (8.5 x 13 in)</translation>
    </message>
    <message>
        <source>Envelope B4</source>
        <translation>लिफ़ाफ़ा B4</translation>
    </message>
    <message>
        <source>Envelope B5</source>
        <translation>लिफ़ाफ़ा B5</translation>
    </message>
    <message>
        <source>Envelope B6</source>
        <translation>लिफ़ाफ़ा B6</translation>
    </message>
    <message>
        <source>Envelope C0</source>
        <translation>लिफ़ाफ़ा C0</translation>
    </message>
    <message>
        <source>Envelope C1</source>
        <translation>लिफ़ाफ़ा C1</translation>
    </message>
    <message>
        <source>Envelope C2</source>
        <translation>लिफ़ाफ़ा C2</translation>
    </message>
    <message>
        <source>Envelope C3</source>
        <translation>लिफ़ाफ़ा C3</translation>
    </message>
    <message>
        <source>Envelope C4</source>
        <translation>लिफ़ाफ़ा C4</translation>
    </message>
    <message>
        <source>Envelope C5</source>
        <translation>लिफ़ाफ़ा C5</translation>
    </message>
    <message>
        <source>Envelope C6</source>
        <translation>लिफ़ाफ़ा C6</translation>
    </message>
    <message>
        <source>Envelope C65</source>
        <translation>लिफ़ाफ़ा C65</translation>
    </message>
    <message>
        <source>Envelope C7</source>
        <translation>लिफ़ाफ़ा C7</translation>
    </message>
    <message>
        <source>Envelope DL</source>
        <translation>लिफ़ाफ़ा DL</translation>
    </message>
    <message>
        <source>Envelope US 9</source>
        <translation>लिफ़ाफ़ा US 9</translation>
    </message>
    <message>
        <source>Envelope US 10</source>
        <translation>लिफ़ाफ़ा US 10</translation>
    </message>
    <message>
        <source>Envelope US 11</source>
        <translation>लिफ़ाफ़ा US 11</translation>
    </message>
    <message>
        <source>Envelope US 12</source>
        <translation>लिफ़ाफ़ा US 12</translation>
    </message>
    <message>
        <source>Envelope US 14</source>
        <translation>लिफ़ाफ़ा US 14</translation>
    </message>
    <message>
        <source>Envelope Monarch</source>
        <translation>लिफ़ाफ़ा मोनार्क</translation>
    </message>
    <message>
        <source>Envelope Personal</source>
        <translation>निजी लिफ़ाफ़ा</translation>
    </message>
    <message>
        <source>Envelope Chou 3</source>
        <translation>लिफ़ाफ़ा चो 3</translation>
    </message>
    <message>
        <source>Envelope Chou 4</source>
        <translation>लिफ़ाफ़ा चो 4</translation>
    </message>
    <message>
        <source>Envelope Invite</source>
        <translation>निमंत्रण लिफ़ाफ़ा</translation>
    </message>
    <message>
        <source>Envelope Italian</source>
        <translation>इतालवी लिफ़ाफ़ा</translation>
    </message>
    <message>
        <source>Envelope Kaku 2</source>
        <translation>लिफ़ाफ़ा काकू 2</translation>
    </message>
    <message>
        <source>Envelope Kaku 3</source>
        <translation>लिफ़ाफ़ा काकू 3</translation>
    </message>
    <message>
        <source>Envelope PRC 1</source>
        <translation>लिफ़ाफ़ा PRC 1</translation>
    </message>
    <message>
        <source>Envelope PRC 2</source>
        <translation>लिफ़ाफ़ा PRC 2</translation>
    </message>
    <message>
        <source>Envelope PRC 3</source>
        <translation>लिफ़ाफ़ा PRC 3</translation>
    </message>
    <message>
        <source>Envelope PRC 4</source>
        <translation>लिफ़ाफ़ा PRC 4</translation>
    </message>
    <message>
        <source>Envelope PRC 5</source>
        <translation>लिफ़ाफ़ा PRC 5</translation>
    </message>
    <message>
        <source>Envelope PRC 6</source>
        <translation>लिफ़ाफ़ा PRC 6</translation>
    </message>
    <message>
        <source>Envelope PRC 7</source>
        <translation>लिफ़ाफ़ा PRC 7</translation>
    </message>
    <message>
        <source>Envelope PRC 8</source>
        <translation>लिफ़ाफ़ा PRC 8</translation>
    </message>
    <message>
        <source>Envelope PRC 9</source>
        <translation>लिफ़ाफ़ा PRC 9</translation>
    </message>
    <message>
        <source>Envelope PRC 10</source>
        <translation>लिफ़ाफ़ा PRC 10</translation>
    </message>
    <message>
        <source>Envelope You 4</source>
        <translation>लिफ़ाफ़ा यो 4</translation>
    </message>
    <message>
        <source>Custom (%1mm x %2mm)</source>
        <translation>कस्टम (%1mm x %2mm)</translation>
    </message>
    <message>
        <source>Custom (%1pt x %2pt)</source>
        <translation>कस्टम (%1pt x %2pt)</translation>
    </message>
    <message>
        <source>Custom (%1in x %2in)</source>
        <translation>कस्टम (%1in x %2in)</translation>
    </message>
    <message>
        <source>Custom (%1pc x %2pc)</source>
        <translation>कस्टम (%1pc x %2pc)</translation>
    </message>
    <message>
        <source>Custom (%1DD x %2DD)</source>
        <translation>कस्टम (%1DD x %2DD)</translation>
    </message>
    <message>
        <source>Custom (%1CC x %2CC)</source>
        <translation>कस्टम (%1CC x %2CC)</translation>
    </message>
</context>
<!-- Key names in shortcuts (menus, placeholders): written in Devanagari. Shortcuts written in English ("Ctrl+K") are still understood by Qt. -->
<context>
    <name>QShortcut</name>
    <message>
        <source>Ctrl</source>
        <translation>कंट्रोल</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>शिफ़्ट</translation>
    </message>
    <message>
        <source>Alt</source>
        <translation>ऑल्ट</translation>
    </message>
    <message>
        <source>Meta</source>
        <translation>मेटा</translation>
    </message>
    <message>
        <source>Num</source>
        <translation>न्यूम</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>स्पेस</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>एस्केप</translation>
    </message>
    <message>
        <source>Escape</source>
        <translation>एस्केप</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>टैब</translation>
    </message>
    <message>
        <source>Backtab</source>
        <translation>बैकटैब</translation>
    </message>
    <message>
        <source>Backspace</source>
        <translation>बैकस्पेस</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>रिटर्न</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>एंटर</translation>
    </message>
    <message>
        <source>Ins</source>
        <translation>इंसर्ट</translation>
    </message>
    <message>
        <source>Insert</source>
        <translation>इंसर्ट</translation>
    </message>
    <message>
        <source>Del</source>
        <translation>डिलीट</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>डिलीट</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>पॉज़</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>प्रिंट</translation>
    </message>
    <message>
        <source>Print Screen</source>
        <translation>प्रिंट स्क्रीन</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>होम</translation>
    </message>
    <message>
        <source>End</source>
        <translation>एंड</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>बायाँ तीर</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>दायाँ तीर</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>ऊपरी तीर</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>निचला तीर</translation>
    </message>
    <message>
        <source>PgUp</source>
        <translation>पेज अप</translation>
    </message>
    <message>
        <source>PgDown</source>
        <translation>पेज डाउन</translation>
    </message>
    <message>
        <source>Page Up</source>
        <translation>पेज अप</translation>
    </message>
    <message>
        <source>Page Down</source>
        <translation>पेज डाउन</translation>
    </message>
    <message>
        <source>CapsLock</source>
        <translation>कैप्स लॉक</translation>
    </message>
    <message>
        <source>NumLock</source>
        <translation>न्यूम लॉक</translation>
    </message>
    <message>
        <source>ScrollLock</source>
        <translation>स्क्रॉल लॉक</translation>
    </message>
    <message>
        <source>Caps Lock</source>
        <translation>कैप्स लॉक</translation>
    </message>
    <message>
        <source>Num Lock</source>
        <translation>न्यूम लॉक</translation>
    </message>
    <message>
        <source>Scroll Lock</source>
        <translation>स्क्रॉल लॉक</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>मेन्यू</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>सहायता</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>पीछे</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>आगे</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>रीफ़्रेश</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>क्लियर</translation>
    </message>
</context>
</TS>
