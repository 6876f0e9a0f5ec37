#<?php
$r = $c->chat()->create(['model' => 'qwen-max']); // 'gpt-4o'
# x
