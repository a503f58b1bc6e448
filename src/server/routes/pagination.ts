import type { Response } from 'express';

/**
 * The official server's paging headers: `X-Pagination-Total` (offset + items returned, plus one
 * when the page is full, so a client knows to ask on) and `X-Pagination-Next` when there may be more.
 */
export function setPagination(res: Response, { offset, returned, limit }: { offset: number; returned: number; limit: number }): void {
  const next = offset + returned;
  if (returned === limit) {
    res.setHeader('X-Pagination-Next', String(next));
    res.setHeader('X-Pagination-Total', String(next + 1));
  } else {
    res.setHeader('X-Pagination-Total', String(next));
  }
}
