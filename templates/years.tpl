{{%AUTOESCAPE context="HTML"}}<h1>{{TITLE}}</h1>
{{#ACROSS}}<section class="across" aria-label="{{HEADING}}">
{{TABLE:none}}<div class="charts">
{{CHARTS:none}}</div>
</section>
{{/ACROSS}}<ul class="years">
{{#YEAR}}<li><a href="{{HREF}}"><span class="year">{{YEAR}}</span> {{TITLE}}</a>
<p class="meta">{{FIGURES}}</p></li>
{{/YEAR}}</ul>{{#DOSSIERS}}
<p class="more"><a href="{{HREF}}">{{LABEL}}</a></p>{{/DOSSIERS}}
