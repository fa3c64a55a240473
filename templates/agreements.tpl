{{%AUTOESCAPE context="HTML"}}<h1>{{TITLE}}</h1>
{{TABLES:none}}
<p class="source">{{SOURCE}}</p>
