/** A table's caption (for screen readers) and one header row of column names, as the deploy tables draw them. */
export function TableHead({ caption, columns, className }: { caption: string; columns: readonly string[]; className: string }) {
  return (
    <>
      <caption className="sr-only">{caption}</caption>
      <thead className={`bg-slate-50 font-semibold text-slate-700 ${className}`}>
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col" className="px-2.5 py-1.5 whitespace-nowrap">
              {column}
            </th>
          ))}
        </tr>
      </thead>
    </>
  );
}
