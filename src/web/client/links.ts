// URLs of the explorer's views (hash routing, so the server serves one page and every view can be
// bookmarked or shared).
export function nodeHref(id: string): string {
  return `#/node/${encodeURIComponent(id)}`;
}

export function chainHref(id: string, dir: "down" | "up", view: "tree" | "drawing"): string {
  return `#/node/${encodeURIComponent(id)}?dir=${dir}&view=${view}`;
}

export function searchHref(q: string): string {
  return `#/search?q=${encodeURIComponent(q)}`;
}
