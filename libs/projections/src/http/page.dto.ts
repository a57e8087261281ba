/** Where a page of a list sits: `total` counts every match, also past the last page. */
export class PageInfoDto {
  limit!: number;
  offset!: number;
  total!: number;
}
