/** Text with `&` and `<` escaped for an HTML text node. */
export declare const escapeHtml: (s: string) => string;
/** The HTML body of a report text: TAB-separated runs of lines become tables. */
export declare function reportBodyHtml(text: string): string;
