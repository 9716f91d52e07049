'use client';

import {
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getPaginationRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type ColumnFiltersState,
  type SortingState,
} from '@tanstack/react-table';
import { ArrowDown, ArrowUp, ArrowUpDown, ChevronLeft, ChevronRight } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useState, type ReactNode } from 'react';
import { Button } from './button';
import { cn } from './cn';

export type { ColumnDef } from '@tanstack/react-table';

/**
 * A table on TanStack Table: sortable headers (buttons with aria-sort), a search box over every
 * column, pagination. It scrolls inside its own box, so a wide table never widens the page on a
 * phone. Columns with meta.className set their cells' classes (e.g. 'hidden md:table-cell').
 */
export function DataTable<Row>({
  columns,
  data,
  searchLabel,
  pageSize = 20,
  empty,
  toolbar,
  columnFilters,
  getRowId,
  caption,
  rowProps,
}: {
  // Each column has its own value type; TanStack's own examples type the list this way.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  columns: ColumnDef<Row, any>[];
  data: Row[];
  /** Shows a search box ("Search members") when given. */
  searchLabel?: string;
  pageSize?: number;
  empty?: ReactNode;
  /** Filters beside the search box (selects that set columnFilters). */
  toolbar?: ReactNode;
  columnFilters?: ColumnFiltersState;
  getRowId?: (row: Row) => string;
  caption?: string;
  /** Extra attributes of a row's <tr> (e.g. a data-testid). */
  rowProps?: (row: Row) => Record<`data-${string}`, string>;
}) {
  const t = useTranslations('common');
  const [sorting, setSorting] = useState<SortingState>([]);
  const [globalFilter, setGlobalFilter] = useState('');
  // The app does not run the React Compiler, and nothing below memoizes the table's functions.
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table v8 is the data table (issue 15); its instance is read fresh each render
  const table = useReactTable({
    data,
    columns,
    getRowId,
    state: { sorting, globalFilter, columnFilters: columnFilters ?? [] },
    onSortingChange: setSorting,
    onGlobalFilterChange: setGlobalFilter,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getPaginationRowModel: getPaginationRowModel(),
    initialState: { pagination: { pageSize } },
  });
  const rows = table.getRowModel().rows;
  const total = table.getFilteredRowModel().rows.length;
  const { pageIndex } = table.getState().pagination;

  return (
    <div className="flex flex-col gap-3">
      {searchLabel || toolbar ? (
        <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
          {searchLabel ? (
            <input
              type="search"
              aria-label={searchLabel}
              placeholder={t('searchPlaceholder', { label: searchLabel })}
              value={globalFilter}
              onChange={(e) => {
                setGlobalFilter(e.target.value);
                table.setPageIndex(0);
              }}
              className="h-10 w-full rounded-md border border-slate-300 bg-white px-3 text-sm shadow-sm sm:max-w-xs"
            />
          ) : null}
          {toolbar}
        </div>
      ) : null}
      <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-start text-sm">
          {caption ? <caption className="sr-only">{caption}</caption> : null}
          <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const meta = header.column.columnDef.meta as { className?: string } | undefined;
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                      className={cn('px-4 py-3 font-medium', meta?.className)}
                    >
                      {header.isPlaceholder ? null : header.column.getCanSort() ? (
                        <button type="button" onClick={header.column.getToggleSortingHandler()} className="inline-flex items-center gap-1 uppercase hover:text-slate-900">
                          {flexRender(header.column.columnDef.header, header.getContext())}
                          {sorted === 'asc' ? <ArrowUp className="size-3" aria-hidden /> : sorted === 'desc' ? <ArrowDown className="size-3" aria-hidden /> : <ArrowUpDown className="size-3 opacity-50" aria-hidden />}
                        </button>
                      ) : (
                        flexRender(header.column.columnDef.header, header.getContext())
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.length === 0 ? (
              <tr>
                <td colSpan={columns.length} className="px-4 py-10 text-center text-slate-600">
                  {globalFilter ? t('noSearchMatches') : (empty ?? t('nothingYet'))}
                </td>
              </tr>
            ) : (
              rows.map((row) => (
                <tr key={row.id} className="hover:bg-slate-50" {...rowProps?.(row.original)}>
                  {row.getVisibleCells().map((cell) => {
                    const meta = cell.column.columnDef.meta as { className?: string } | undefined;
                    return (
                      <td key={cell.id} className={cn('px-4 py-3 align-middle', meta?.className)}>
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </td>
                    );
                  })}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      {table.getPageCount() > 1 ? (
        <nav aria-label={t('pagination')} className="flex items-center justify-between gap-2 text-sm text-slate-600">
          <span>
            {t('pageRange', {
              first: pageIndex * table.getState().pagination.pageSize + 1,
              last: Math.min(total, (pageIndex + 1) * table.getState().pagination.pageSize),
              total,
            })}
          </span>
          <div className="flex gap-2">
            <Button variant="secondary" size="sm" onClick={() => table.previousPage()} disabled={!table.getCanPreviousPage()}>
              <ChevronLeft aria-hidden className="rtl:-scale-x-100" /> {t('previous')}
            </Button>
            <Button variant="secondary" size="sm" onClick={() => table.nextPage()} disabled={!table.getCanNextPage()}>
              {t('next')} <ChevronRight aria-hidden className="rtl:-scale-x-100" />
            </Button>
          </div>
        </nav>
      ) : null}
    </div>
  );
}
