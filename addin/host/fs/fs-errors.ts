/**
 * Node's file-system error codes (ENOENT, EACCES, ENOSPC…) as one Vietnamese (and English) sentence that names
 * the file and says what to do: the raw code or Node's own text never reaches a user. Pure: the error is only read.
 */
import type { Bilingual } from '../../../core';

interface Reason {
  vi: string;
  en: string;
  /** What the user can do about it. */
  fixVi: string;
  fixEn: string;
}

const REASONS: Record<string, Reason> = {
  ENOENT: {
    vi: 'không có tệp hoặc thư mục này',
    en: 'no such file or folder',
    fixVi: 'kiểm tra lại tên và đường dẫn',
    fixEn: 'check the name and the path',
  },
  ENOTDIR: {
    vi: 'một phần của đường dẫn là tệp, không phải thư mục',
    en: 'part of the path is a file, not a folder',
    fixVi: 'kiểm tra lại đường dẫn',
    fixEn: 'check the path',
  },
  EISDIR: {
    vi: 'đây là một thư mục, không phải tệp',
    en: 'it is a folder, not a file',
    fixVi: 'hãy ghi rõ tên tệp trong thư mục đó',
    fixEn: 'give a file name inside that folder',
  },
  EACCES: {
    vi: 'không có quyền truy cập',
    en: 'permission denied',
    fixVi: 'chọn thư mục khác hoặc nhờ người quản trị máy cấp quyền',
    fixEn: 'choose another folder or ask the administrator for access',
  },
  EPERM: {
    vi: 'hệ điều hành không cho phép thao tác này',
    en: 'the operating system does not allow this',
    fixVi: 'đóng chương trình đang mở tệp (Excel…) hoặc chọn thư mục khác',
    fixEn: 'close the program holding the file (Excel…) or choose another folder',
  },
  EROFS: {
    vi: 'ổ đĩa chỉ cho đọc',
    en: 'the disk is read-only',
    fixVi: 'ghi vào một thư mục trên ổ đĩa khác',
    fixEn: 'write to a folder on another disk',
  },
  ENOSPC: {
    vi: 'ổ đĩa đã đầy',
    en: 'the disk is full',
    fixVi: 'giải phóng dung lượng rồi chạy lại',
    fixEn: 'free some space and run again',
  },
  EDQUOT: {
    vi: 'đã hết hạn mức dung lượng của tài khoản',
    en: 'the disk quota is used up',
    fixVi: 'giải phóng dung lượng rồi chạy lại',
    fixEn: 'free some space and run again',
  },
  EBUSY: {
    vi: 'tệp đang bị một chương trình khác giữ',
    en: 'the file is held by another program',
    fixVi: 'đóng chương trình đó (Excel…) rồi chạy lại',
    fixEn: 'close that program (Excel…) and run again',
  },
  EMFILE: {
    vi: 'đang mở quá nhiều tệp cùng lúc',
    en: 'too many files are open',
    fixVi: 'chạy lại với ít tệp hơn',
    fixEn: 'run again with fewer files',
  },
  ENAMETOOLONG: {
    vi: 'tên tệp quá dài',
    en: 'the file name is too long',
    fixVi: 'dùng tên ngắn hơn',
    fixEn: 'use a shorter name',
  },
  ELOOP: {
    vi: 'đường dẫn chứa liên kết vòng',
    en: 'the path contains a link loop',
    fixVi: 'dùng đường dẫn thật, không qua liên kết',
    fixEn: 'use the real path, not a link',
  },
  EEXIST: {
    vi: 'đã có tệp cùng tên',
    en: 'a file of that name exists',
    fixVi: 'chọn tên khác',
    fixEn: 'choose another name',
  },
  EIO: {
    vi: 'lỗi đọc ghi của ổ đĩa',
    en: 'a disk input/output error',
    fixVi: 'kiểm tra ổ đĩa hoặc thử thư mục khác',
    fixEn: 'check the disk or try another folder',
  },
};

const GENERIC: Reason = {
  vi: 'lỗi hệ thống tệp',
  en: 'a file-system error',
  fixVi: 'kiểm tra lại tệp và thư mục rồi chạy lại',
  fixEn: 'check the file and the folder and run again',
};

/** The error's code when it is a Node system error (has an E… code), else undefined. */
export function fsErrorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) ? code : undefined;
}

/** The reason alone ("ổ đĩa đã đầy"), for messages that say the rest themselves. */
export function fsReason(error: unknown): Bilingual {
  const r = REASONS[fsErrorCode(error) ?? ''] ?? GENERIC;
  return { vi: r.vi, en: r.en };
}

/**
 * One sentence: what could not be done to which file, why, and what to do.
 * `doing`: 'read' | 'write' | 'folder' (create a folder); `shown`: the name as the user wrote it.
 */
export function fsErrorText(error: unknown, shown: string, doing: 'read' | 'write' | 'folder'): Bilingual {
  const r = REASONS[fsErrorCode(error) ?? ''] ?? GENERIC;
  const what = {
    read: { vi: `Không đọc được ${shown}`, en: `Cannot read ${shown}` },
    write: { vi: `Không ghi được ${shown}`, en: `Cannot write ${shown}` },
    folder: { vi: `Không tạo được thư mục ${shown}`, en: `Cannot create the folder ${shown}` },
  }[doing];
  return { vi: `${what.vi}: ${r.vi}; ${r.fixVi}.`, en: `${what.en}: ${r.en}; ${r.fixEn}.` };
}
