// A chart's data as a CSV file and its picture as a PNG file, made in the browser: the CSV with
// PapaParse (cells a spreadsheet would run as formulas escaped, as the RAID export does), the PNG by
// drawing the chart's SVG onto a canvas.
import Papa from 'papaparse';
import { formulaStart } from '@/server/domain/raidCsv';

export interface TableColumn<Row> {
  key: string;
  label: string;
  /** The cell's value as shown and exported; the row's `key` field when omitted. */
  value?: (row: Row) => string | number | null;
}

export function cellValue<Row>(column: TableColumn<Row>, row: Row): string | number {
  const value = column.value ? column.value(row) : (row as Record<string, unknown>)[column.key];
  if (value === null || value === undefined) return '';
  return typeof value === 'number' ? value : String(value);
}

/** The table as CSV: a header line of the column labels, then a line per row. */
export function chartCsv<Row>(columns: readonly TableColumn<Row>[], rows: readonly Row[]): string {
  return Papa.unparse(
    { fields: columns.map((c) => c.label), data: rows.map((row) => columns.map((c) => cellValue(c, row))) },
    { escapeFormulae: formulaStart, newline: '\n' },
  );
}

/** Offers a file to download under `filename`. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The chart's SVG drawn on a white canvas at twice its size, as a PNG. */
export async function svgToPng(svg: SVGSVGElement): Promise<Blob> {
  const { width, height } = svg.getBoundingClientRect();
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  const source = new XMLSerializer().serializeToString(copy);
  const image = new Image();
  const url = URL.createObjectURL(new Blob([source], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('The chart could not be drawn as an image.'));
      image.src = url;
    });
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil(height * scale);
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The browser made no image.'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
