{{%AUTOESCAPE context="XML"}}<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<dc:title>{{TITLE}}</dc:title>
<dc:subject>{{SUBJECT}}</dc:subject>
<dc:creator>{{CREATOR}}</dc:creator>
<cp:lastModifiedBy>{{CREATOR}}</cp:lastModifiedBy>
<dc:language>{{LANG}}</dc:language>
<dcterms:created xsi:type="dcterms:W3CDTF">{{CREATED}}</dcterms:created>
<dcterms:modified xsi:type="dcterms:W3CDTF">{{CREATED}}</dcterms:modified>
</cp:coreProperties>
