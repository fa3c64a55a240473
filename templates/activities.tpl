{{%AUTOESCAPE context="HTML"}}<h1>{{TITLE}}</h1>
<p class="jump"><a href="#by-framework">{{BY_FRAMEWORK}}</a> · <a href="#by-month">{{BY_MONTH}}</a></p>
<section aria-labelledby="by-framework">
<h2 id="by-framework">{{BY_FRAMEWORK}}</h2>
{{BY_FRAMEWORK_LIST:none}}
</section>
<section aria-labelledby="by-month">
<h2 id="by-month">{{BY_MONTH}}</h2>
{{BY_MONTH_LIST:none}}
</section>
