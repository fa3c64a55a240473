{{%AUTOESCAPE context="HTML"}}<article class="news" id="article-top">
<header>
<h1>{{TITLE}}</h1>
{{#LEAD}}<div class="sapo">{{HTML:none}}</div>
{{/LEAD}}<p class="byline">{{#AUTHOR}}<span class="author">{{TEXT}}</span> · {{/AUTHOR}}<time datetime="{{DATE_ISO}}">{{DATE}}</time></p>
</header>
{{#IMAGE}}<figure class="lead-image">
<img src="{{SRC}}" alt="{{ALT}}">
{{#CAPTION}}<figcaption>{{TEXT}}</figcaption>
{{/CAPTION}}</figure>
{{/IMAGE}}{{BODY:none}}
<footer>
{{#SOURCE}}<p class="source">{{LABEL}}: {{TEXT}}</p>
{{/SOURCE}}<p class="back"><a href="#article-top">{{BACK_TO_TOP}}</a></p>
</footer>
</article>
