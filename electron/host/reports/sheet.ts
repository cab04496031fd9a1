/**
 * One printable form as data: the heading laid out as on the paper forms (form number on the
 * left, the national motto on the right, the title, lines naming company, drive and period), the
 * columns with their widths, and the rows. The XLSX, CSV and PDF writers all take this shape, so
 * the three files of one form always hold the same cells.
 */
export interface Column {
  header: string;
  /** Width in characters (XLSX); the PDF shares the page out in the same proportions. */
  width: number;
  /** Text columns stay text in every format (ID and phone numbers keep their leading zeros). */
  kind: 'text' | 'int';
}

export type Cell = string | number;

export interface Sheet {
  /** "Mẫu số 02" */
  form: string;
  title: string;
  lines: string[];
  columns: Column[];
  rows: Cell[][];
  /** Printed under the table (place and date, who drew it up). */
  footer: string[];
}

export const MOTTO = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'] as const;

export type ExportFormat = 'xlsx' | 'csv' | 'pdf';

export const MIME: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
  pdf: 'application/pdf',
};
