declare module 'ra-language-indonesian' {
  const messages: { ra: Record<string, unknown> };
  export = messages;
}
