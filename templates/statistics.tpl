{{%AUTOESCAPE context="HTML"}}<h1>{{TITLE}}</h1>
<p class="downloads"><a href="{{WORKBOOK}}">{{WORKBOOK_LABEL}}</a> · <a href="{{REPORT}}">{{REPORT_LABEL}}</a> · <a href="{{FIGURES}}">{{FIGURES_LABEL}}</a></p>
{{TABLES:none}}
<p class="source">{{SOURCE}}</p>
