{{%AUTOESCAPE context="HTML"}}<h1>{{TITLE}}</h1>
<ul class="years">
{{#YEAR}}<li><a href="{{HREF}}"><span class="year">{{YEAR}}</span> {{TITLE}}</a>
<p class="meta">{{FIGURES}}</p></li>
{{/YEAR}}</ul>
