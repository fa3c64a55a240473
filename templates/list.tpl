{{%AUTOESCAPE context="HTML"}}{{#GROUP}}<section class="group" aria-labelledby="{{ID}}">
{{#H2}}<h2 id="{{ID}}">{{TITLE}}</h2>{{/H2}}{{#H3}}<h3 id="{{ID}}">{{TITLE}}</h3>{{/H3}}
<ul class="records">
{{#ITEM}}<li><a href="{{HREF}}">{{TITLE}}</a>{{#META}} <span class="meta">{{TEXT}}</span>{{/META}}</li>
{{/ITEM}}{{#EMPTY}}<li>{{TEXT}}</li>
{{/EMPTY}}</ul>
</section>
{{/GROUP}}
