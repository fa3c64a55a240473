{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="{{LANG}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{TITLE}} · {{SITE}}</title>
<meta name="generator" content="coopgen">
<link rel="stylesheet" href="{{ROOT}}style.css">
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
