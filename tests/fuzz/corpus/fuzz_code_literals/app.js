const r = await openai.chat.completions.create({model: "gpt-4o", messages: []});
const t = `tmpl ${x} "q"`;
/* c */ // c
