/** exceljs's default Office theme part, one XML string: the plan writer ships the same theme exceljs wrote. */
declare module 'exceljs/lib/xlsx/xml/theme1.js' {
  const theme: string;
  export default theme;
}
