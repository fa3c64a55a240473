{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="{{LANG}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{TITLE}} · {{SITE}}</title>
<meta name="generator" content="coopgen">
{{#META}}<meta name="description" content="{{DESCRIPTION}}">
{{#CANONICAL}}<link rel="canonical" href="{{HREF}}">
{{/CANONICAL}}<meta property="og:type" content="article">
<meta property="og:title" content="{{OG_TITLE}}">
<meta property="og:description" content="{{DESCRIPTION}}">
{{#OG_URL}}<meta property="og:url" content="{{HREF}}">
{{/OG_URL}}{{#OG_IMAGE}}<meta property="og:image" content="{{SRC}}">
<meta property="og:image:alt" content="{{ALT}}">
{{/OG_IMAGE}}<meta property="og:locale" content="{{OG_LOCALE}}">
<meta property="og:site_name" content="{{SITE}}">
<meta property="article:published_time" content="{{PUBLISHED}}">
<script type="application/ld+json">{{JSONLD:none}}</script>
{{/META}}<link rel="stylesheet" href="{{ROOT}}style.css">
</head>
<body>
<a class="skip" href="#main">{{SKIP}}</a>
<header class="site">
<p class="org">{{SITE}}</p>
{{#NAV}}<nav aria-label="{{NAV_LABEL}}">
<ul>{{#ITEM}}<li><a href="{{HREF}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{LABEL}}</a></li>{{/ITEM}}</ul>
</nav>{{/NAV}}
<nav class="crumbs" aria-label="{{CRUMBS_LABEL}}">
<ol>{{#CRUMB}}<li>{{#LINK}}<a href="{{HREF}}">{{LABEL}}</a>{{/LINK}}{{#HERE}}<span aria-current="page">{{LABEL}}</span>{{/HERE}}</li>{{/CRUMB}}</ol>
</nav>
</header>
<main id="main">
{{BODY:none}}
</main>
<footer class="site">
<p>{{FOOTER}}</p>
</footer>
</body>
</html>
