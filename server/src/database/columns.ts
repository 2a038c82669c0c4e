import type { TableColumnOptions } from 'typeorm';

/** Column builders for migrations that read the same on MySQL/MariaDB/TiDB and SQLite. */
export const col = {
  id: (name = 'id'): TableColumnOptions => ({ name, type: 'varchar', length: '26', isPrimary: true }),
  ref: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: '26', isNullable: nullable }),
  text: (name: string, length: number, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isNullable: nullable }),
  time: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'datetime', precision: 3, isNullable: nullable }),
  int: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'int', isNullable: nullable }),
};
