{{%AUTOESCAPE context="HTML"}}<article class="report">
<header class="cover">
<p class="org">{{ORGANISATION}}</p>
<h1>{{TITLE}}</h1>
{{#SUBTITLE}}<p class="subtitle">{{TEXT}}</p>
{{/SUBTITLE}}<p class="published">{{PUBLISHED_LABEL}}: <time datetime="{{PUBLISHED_ISO}}">{{PUBLISHED}}</time>{{#AUTHORS}} · {{TEXT}}{{/AUTHORS}}</p>
{{#LEAD}}<div class="lead">{{HTML:none}}</div>
{{/LEAD}}</header>
<section class="key-figures" aria-labelledby="key-figures">
<h2 id="key-figures">{{KEY_FIGURES}}</h2>
{{TABLE:none}}
<p class="more"><a href="{{STATISTICS}}">{{MORE_STATISTICS}}</a> · <a href="{{REPORT}}">{{DOWNLOAD_REPORT}}</a></p>
</section>
{{#CONTENTS}}<nav class="contents" aria-labelledby="contents">
<h2 id="contents">{{HEADING}}</h2>
<ol>{{#ENTRY}}<li><a href="#{{ID}}">{{TITLE}}</a>{{#SUB}}<ol>{{#ENTRY}}<li><a href="#{{ID}}">{{TITLE}}</a></li>{{/ENTRY}}</ol>{{/SUB}}</li>
{{/ENTRY}}</ol>
</nav>
{{/CONTENTS}}{{#CHAPTER}}<section class="chapter" aria-labelledby="{{ID}}">
<h2 id="{{ID}}">{{TITLE}}</h2>
{{HTML:none}}
</section>
{{/CHAPTER}}{{#SOURCE}}<p class="source">{{TEXT}}</p>
{{/SOURCE}}</article>
