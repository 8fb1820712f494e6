/**
 * Excel custom functions (namespace THIDUA, from the manifest): the core's ratios, percentages, indicator
 * judgements, ranks and ratings as worksheet functions. The JSDoc tags below are the source of functions.json
 * (custom-functions-metadata, run by scripts/build-addin.mjs); the logic lives in ./formulas.
 *
 * The task pane's page loads this file at start (shared runtime), so the logic and the scoring core behind it
 * load on the first call instead (custom functions may return promises): the page's initial script stays small.
 */
type Formulas = typeof import('./formulas');

/** The part of Excel's custom functions runtime used here (no published types in the project's packages). */
interface CustomFunctionsRuntime {
  associate(id: string, fn: (...args: never[]) => unknown): void;
  Error: new (code: string, message?: string) => Error;
  ErrorCode: { invalidValue: string; invalidNumber: string; divisionByZero: string; notAvailable: string };
}

const runtime = (): CustomFunctionsRuntime | undefined =>
  (globalThis as { CustomFunctions?: CustomFunctionsRuntime }).CustomFunctions;

let formulas: Promise<Formulas> | undefined;

/** Runs a function on the logic (loaded once) and turns a FunctionError into the Excel error value it names. */
async function guard<T>(run: (f: Formulas) => T): Promise<T> {
  formulas ??= import('./formulas');
  const f = await formulas;
  try {
    return run(f);
  } catch (error) {
    const cf = runtime();
    if (!(error instanceof f.FunctionError) || !cf) throw error;
    const code = {
      '#VALUE!': cf.ErrorCode.invalidValue,
      '#NUM!': cf.ErrorCode.invalidNumber,
      '#DIV/0!': cf.ErrorCode.divisionByZero,
      '#N/A': cf.ErrorCode.notAvailable,
    }[error.code];
    throw new cf.Error(code, error.message);
  }
}

/**
 * Tỷ lệ tử số / mẫu số, làm tròn 4 chữ số thập phân (121/122 = 0,9918).
 * @customfunction RATIO
 * @param numerator Tử số (số chỉ tiêu đạt)
 * @param denominator Mẫu số (số chỉ tiêu phát sinh)
 * @returns Tỷ lệ, 4 chữ số thập phân
 */
export function ratioFunction(numerator: number, denominator: number): Promise<number> {
  return guard((f) => f.ratio(numerator, denominator));
}

/**
 * Tỷ lệ phần trăm viết kiểu Việt Nam, một chữ số thập phân: 121/122 → "99,2%".
 * @customfunction PERCENTVI
 * @param numerator Tử số
 * @param denominator Mẫu số
 * @returns Văn bản phần trăm, dấu phẩy thập phân
 */
export function percentViFunction(numerator: number, denominator: number): Promise<string> {
  return guard((f) => f.percentVi(numerator, denominator));
}

/**
 * Chỉ tiêu đạt: có phát sinh và tỷ lệ đạt mức chỉ tiêu (≤ nếu càng thấp càng tốt).
 * @customfunction MET
 * @param numerator Tử số
 * @param denominator Mẫu số
 * @param target Mức chỉ tiêu, dạng tỷ lệ (0,9 là 90%)
 * @param [lowerIsBetter] TRUE nếu chỉ tiêu càng thấp càng tốt
 * @returns TRUE nếu đạt
 */
export function metFunction(
  numerator: number,
  denominator: number,
  target: number,
  lowerIsBetter?: boolean,
): Promise<boolean> {
  return guard((f) => f.met(numerator, denominator, target, lowerIsBetter));
}

/**
 * Chỉ tiêu vượt: có thể vượt (mức dưới 100%), có phát sinh và tỷ lệ tốt hơn hẳn mức chỉ tiêu.
 * @customfunction EXCEEDED
 * @param numerator Tử số
 * @param denominator Mẫu số
 * @param target Mức chỉ tiêu, dạng tỷ lệ (0,9 là 90%)
 * @param [lowerIsBetter] TRUE nếu chỉ tiêu càng thấp càng tốt
 * @returns TRUE nếu vượt
 */
export function exceededFunction(
  numerator: number,
  denominator: number,
  target: number,
  lowerIsBetter?: boolean,
): Promise<boolean> {
  return guard((f) => f.exceeded(numerator, denominator, target, lowerIsBetter));
}

/**
 * Xếp hạng theo điểm, rồi theo các tiêu chí phụ (cao hơn xếp trên); bằng nhau mọi tiêu chí thì đồng hạng (1, 2, 2, 4).
 * @customfunction RANK
 * @param value Điểm cần xếp hạng, hoặc cả vùng điểm để trả về mọi thứ hạng
 * @param values Vùng điểm của các đơn vị
 * @param [tie1] Vùng tiêu chí phụ thứ nhất, cùng kích thước vùng điểm
 * @param [tie2] Vùng tiêu chí phụ thứ hai
 * @returns Thứ hạng
 */
export function rankFunction(
  value: number[][],
  values: number[][],
  tie1?: number[][],
  tie2?: number[][],
): Promise<number[][]> {
  return guard((f) => f.rank(value, values, tie1, tie2) as number[][]);
}

/**
 * Xếp loại theo tỷ lệ phần trăm điểm chuẩn: ≥ 95 Hoàn thành xuất sắc nhiệm vụ, ≥ 80 tốt, ≥ 50 hoàn thành.
 * @customfunction TIER
 * @param percent Tỷ lệ phần trăm so với tổng điểm chuẩn (95,25)
 * @returns Mức xếp loại
 */
export function tierFunction(percent: number): Promise<string> {
  return guard((f) => f.tier(percent));
}

/** Excel's ids (the names above) to the functions; registered when Excel loads the shared runtime. */
export const FUNCTIONS = {
  RATIO: ratioFunction,
  PERCENTVI: percentViFunction,
  MET: metFunction,
  EXCEEDED: exceededFunction,
  RANK: rankFunction,
  TIER: tierFunction,
} as const;

const cf = runtime();
if (cf) {
  for (const [id, fn] of Object.entries(FUNCTIONS)) cf.associate(id, fn);
}
