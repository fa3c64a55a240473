{{%AUTOESCAPE context="XML"}}<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">
<w:body>
{{#FORM}}
<w:tbl>
<w:tblPr><w:tblW w:w="9639" w:type="dxa"/><w:tblInd w:w="-142" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="0"/></w:tblPr>
<w:tblGrid><w:gridCol w:w="4253"/><w:gridCol w:w="5386"/></w:tblGrid>
<w:tr>
<w:tc><w:tcPr><w:tcW w:w="4253" w:type="dxa"/></w:tcPr>
{{#GOVERNING_BODY}}<w:p><w:pPr><w:pStyle w:val="HeaderBlock"/></w:pPr><w:r><w:rPr><w:caps/><w:sz w:val="24"/></w:rPr><w:t xml:space="preserve">{{TEXT}}</w:t></w:r></w:p>{{/GOVERNING_BODY}}
<w:p><w:pPr><w:pStyle w:val="HeaderBlock"/></w:pPr><w:r><w:rPr><w:b/><w:caps/><w:sz w:val="24"/></w:rPr><w:t xml:space="preserve">{{AGENCY}}</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Rule"/><w:pBdr><w:top w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr><w:ind w:left="1417" w:right="1417"/></w:pPr></w:p>
</w:tc>
<w:tc><w:tcPr><w:tcW w:w="5386" w:type="dxa"/></w:tcPr>
<w:p><w:pPr><w:pStyle w:val="HeaderBlock"/></w:pPr><w:r><w:rPr><w:b/><w:sz w:val="24"/></w:rPr><w:t xml:space="preserve">{{NATIONAL_TITLE}}</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="HeaderBlock"/></w:pPr><w:r><w:rPr><w:b/><w:sz w:val="26"/></w:rPr><w:t xml:space="preserve">{{MOTTO}}</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Rule"/><w:pBdr><w:top w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr><w:ind w:left="963" w:right="963"/></w:pPr></w:p>
</w:tc>
</w:tr>
<w:tr>
<w:tc><w:tcPr><w:tcW w:w="4253" w:type="dxa"/></w:tcPr>
<w:p><w:pPr><w:pStyle w:val="HeaderBlock"/><w:spacing w:before="120"/></w:pPr><w:r><w:t xml:space="preserve">{{NUMBER}}</w:t></w:r></w:p>
</w:tc>
<w:tc><w:tcPr><w:tcW w:w="5386" w:type="dxa"/></w:tcPr>
<w:p><w:pPr><w:pStyle w:val="HeaderBlock"/><w:spacing w:before="120"/></w:pPr><w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">{{DATE_LINE}}</w:t></w:r></w:p>
</w:tc>
</w:tr>
</w:tbl>
<w:p><w:pPr><w:pStyle w:val="DocumentType"/></w:pPr><w:r><w:t xml:space="preserve">{{DOCUMENT_TYPE}}</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t xml:space="preserve">{{TITLE}}</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Rule"/><w:pBdr><w:top w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr><w:ind w:left="3402" w:right="3402"/></w:pPr></w:p>
{{#TO_ONE}}<w:p><w:pPr><w:pStyle w:val="Recipient"/></w:pPr><w:r><w:t xml:space="preserve">{{LABEL}} {{TEXT}}</w:t></w:r></w:p>{{/TO_ONE}}
{{#TO_MANY}}<w:p><w:pPr><w:pStyle w:val="Recipient"/></w:pPr><w:r><w:t xml:space="preserve">{{LABEL}}</w:t></w:r></w:p>
{{#ENTRY}}<w:p><w:pPr><w:pStyle w:val="Recipient"/><w:spacing w:before="0"/><w:ind w:left="2268"/><w:jc w:val="left"/></w:pPr><w:r><w:t xml:space="preserve">- {{TEXT}}</w:t></w:r></w:p>
{{/ENTRY}}{{/TO_MANY}}
<w:p><w:pPr><w:pStyle w:val="HeaderBlock"/><w:spacing w:after="240"/></w:pPr></w:p>
{{/FORM}}
{{#COVER}}
<w:p><w:pPr><w:pStyle w:val="HeaderBlock"/></w:pPr><w:r><w:rPr><w:b/><w:caps/><w:sz w:val="28"/></w:rPr><w:t xml:space="preserve">{{ORGANISATION}}</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Rule"/><w:pBdr><w:top w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr><w:ind w:left="3402" w:right="3402"/></w:pPr></w:p>
<w:p><w:pPr><w:pStyle w:val="CoverTitle"/></w:pPr><w:r><w:t xml:space="preserve">{{TITLE}}</w:t></w:r></w:p>
{{#SUBTITLE}}<w:p><w:pPr><w:pStyle w:val="Subtitle"/></w:pPr><w:r><w:t xml:space="preserve">{{TEXT}}</w:t></w:r></w:p>{{/SUBTITLE}}
<w:p><w:pPr><w:pStyle w:val="Subtitle"/><w:spacing w:before="1200"/></w:pPr><w:r><w:t xml:space="preserve">{{DATE}}</w:t></w:r></w:p>
{{#AUTHORS}}<w:p><w:pPr><w:pStyle w:val="HeaderBlock"/><w:spacing w:before="240"/></w:pPr><w:r><w:t xml:space="preserve">{{LABEL}}: {{TEXT}}</w:t></w:r></w:p>{{/AUTHORS}}
<w:p><w:pPr><w:pStyle w:val="HeaderBlock"/></w:pPr><w:r><w:br w:type="page"/></w:r></w:p>
{{/COVER}}
{{BODY:none}}
{{#CLOSING}}
<w:tbl>
<w:tblPr><w:tblW w:w="9639" w:type="dxa"/><w:tblInd w:w="-142" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="0"/></w:tblPr>
<w:tblGrid><w:gridCol w:w="4820"/><w:gridCol w:w="4819"/></w:tblGrid>
<w:tr><w:trPr><w:cantSplit/></w:trPr>
<w:tc><w:tcPr><w:tcW w:w="4820" w:type="dxa"/></w:tcPr>
<w:p><w:pPr><w:pStyle w:val="RecipientsList"/><w:spacing w:before="120"/></w:pPr>{{#RECIPIENTS}}<w:r><w:rPr><w:b/><w:i/><w:sz w:val="24"/></w:rPr><w:t xml:space="preserve">{{LABEL}}</w:t></w:r>{{/RECIPIENTS}}</w:p>
{{#RECIPIENT}}<w:p><w:pPr><w:pStyle w:val="RecipientsList"/></w:pPr><w:r><w:t xml:space="preserve">- {{TEXT}}</w:t></w:r></w:p>
{{/RECIPIENT}}</w:tc>
<w:tc><w:tcPr><w:tcW w:w="4819" w:type="dxa"/></w:tcPr>
{{#POSITION}}<w:p><w:pPr><w:pStyle w:val="Signature"/>{{#FIRST}}<w:spacing w:before="120"/>{{/FIRST}}</w:pPr><w:r><w:rPr><w:caps/></w:rPr><w:t xml:space="preserve">{{TEXT}}</w:t></w:r></w:p>
{{/POSITION}}<w:p><w:pPr><w:pStyle w:val="Signature"/><w:spacing w:before="1680"/></w:pPr><w:r><w:t xml:space="preserve">{{SIGNER}}</w:t></w:r></w:p>
</w:tc>
</w:tr>
</w:tbl>
{{/CLOSING}}
{{APPENDICES:none}}
{{SECTPR:none}}
</w:body>
</w:document>
