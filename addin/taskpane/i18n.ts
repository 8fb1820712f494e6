/**
 * The task pane's words: Vietnamese first (the product's language), English behind a switch.
 * One typed dictionary: a missing key is a compile error, a missing language a test failure
 * (test/addin/taskpane/i18n.test.ts). Placeholders are `{name}` and must be the same in both languages.
 */
import type { Bilingual } from '../../core';
import { PERIOD_FROM, PERIOD_TO, SIGNING_DATE } from '../app/date-text';

export type Lang = 'vi' | 'en';

export const messages = {
  'app.title': { vi: 'Thi đua – khen thưởng', en: 'Emulation and commendation' },
  'app.language': { vi: 'English', en: 'English' },
  'app.languageHint': { vi: 'Hiển thị bằng tiếng Anh', en: 'Show in English' },
  'app.views': { vi: 'Chức năng', en: 'Functions' },
  'app.source': { vi: 'Sổ tính: {source}', en: 'Workbook: {source}' },

  'tab.create': { vi: 'Tạo sổ', en: 'Create' },
  'tab.check': { vi: 'Kiểm tra', en: 'Check' },
  'tab.compute': { vi: 'Tính điểm', en: 'Compute' },
  'tab.awards': { vi: 'Khen thưởng', en: 'Awards' },
  'tab.rotation': { vi: 'Cụm trưởng', en: 'Leadership' },
  'tab.exchange': { vi: 'Gửi, gộp bảng', en: 'Send, merge' },
  'tab.settings': { vi: 'Thông tin cụm', en: 'Cluster settings' },
  'tab.yearEnd': { vi: 'Hồ sơ, năm sau', en: 'Dossier, next year' },

  'progress.label': { vi: 'Đang thực hiện', en: 'Working' },
  'progress.step': { vi: 'Bước {done}/{total}: {step}', en: 'Step {done}/{total}: {step}' },
  'progress.cancel': { vi: 'Hủy', en: 'Cancel' },
  'progress.cancelled': { vi: 'Đã hủy thao tác.', en: 'The operation was cancelled.' },
  'step.read': { vi: 'đọc sổ tính', en: 'reading the workbook' },
  'step.check': { vi: 'kiểm tra dữ liệu', en: 'checking the data' },
  'step.compute': { vi: 'tính điểm và xếp hạng', en: 'computing scores and ranks' },
  'step.nominate': { vi: 'áp dụng quy định khen thưởng', en: 'applying the award rules' },
  'step.rotate': { vi: 'đề xuất cụm trưởng, cụm phó', en: 'proposing leader and deputy' },
  'step.build': { vi: 'chuẩn bị nội dung ghi', en: 'preparing what to write' },
  'step.write': { vi: 'ghi vào sổ tính', en: 'writing to the workbook' },
  'step.mark': { vi: 'đánh dấu ô có vấn đề', en: 'marking cells with problems' },
  'step.open': { vi: 'mở các tệp gửi về', en: 'opening the returned files' },
  'step.merge': { vi: 'gộp bảng chấm các đơn vị', en: "merging the members' scorecards" },
  'file.save': { vi: 'Lưu {name}', en: 'Save {name}' },
  'file.saveAll': { vi: 'Lưu tất cả ({count} tệp)', en: 'Save all ({count} files)' },
  'file.failed': { vi: 'Không lưu được {name}: {why}', en: 'Could not save {name}: {why}' },

  'exchange.heading': {
    vi: 'Gửi bảng chấm cho đơn vị, gộp bảng gửi về',
    en: "Send out members' scorecards, merge the returns",
  },
  'exchange.send': { vi: 'Tạo bảng chấm điểm cho từng đơn vị', en: "Make each member's scorecard" },
  'exchange.sent': {
    vi: 'Đã tạo {count} bảng chấm điểm; mỗi bảng mang danh sách đơn vị và tiêu chí của cụm. Lưu rồi gửi cho từng đơn vị.',
    en: "Made {count} scorecards, each carrying the cluster's members and criteria. Save them and send one to each member.",
  },
  'exchange.mergeHeading': {
    vi: 'Gộp bảng chấm các đơn vị gửi về',
    en: "Merge the members' returned scorecards",
  },
  'exchange.pick': {
    vi: 'Chọn các bảng chấm đã nhận (.xlsx; có thể kèm tệp .json của cụm)',
    en: "Choose the returned scorecards (.xlsx; the cluster's .json may be among them)",
  },
  'exchange.picked': { vi: 'Đã chọn {count} tệp: {names}', en: 'Chosen {count} files: {names}' },
  'exchange.merge': { vi: 'Gộp vào sổ tính', en: 'Merge into the workbook' },
  'exchange.received': { vi: 'Đã nhận {count} đơn vị: {units}', en: 'Received {count} units: {units}' },
  'exchange.missing': { vi: 'Còn thiếu {count} đơn vị: {units}', en: 'Missing {count} units: {units}' },
  'exchange.duplicates': { vi: 'Trùng tệp: {list}', en: 'Duplicate files: {list}' },
  'exchange.conflicts': {
    vi: '{count} giá trị mâu thuẫn giữa các tệp: không lấy, hãy hỏi lại đơn vị.',
    en: '{count} values disagree between files: left out, ask the members again.',
  },
  'exchange.skipped': { vi: 'Bỏ qua {file}: {reason}', en: 'Skipped {file}: {reason}' },
  'exchange.written': {
    vi: 'Đã ghi vào sổ tính ({cells} ô); giá trị đã nhập trong sổ được giữ nguyên.',
    en: 'Written to the workbook ({cells} cells); values already typed in it are kept.',
  },
  'exchange.created': {
    vi: 'Đã tạo sổ tổng hợp từ các tệp gửi về ({sheets} trang).',
    en: 'Made the cluster workbook from the returned files ({sheets} sheets).',
  },

  'settings.heading': { vi: 'Thông tin cụm thi đua', en: 'Cluster settings' },
  'settings.read': { vi: 'Đọc thông tin từ sổ tính', en: 'Read from the workbook' },
  'settings.leader': { vi: 'Cụm trưởng', en: 'Leader' },
  'settings.deputy': { vi: 'Cụm phó', en: 'Deputy' },
  'settings.nobody': { vi: '(chưa chọn)', en: '(none)' },
  'settings.rotation': { vi: 'Thứ tự luân phiên cụm trưởng', en: 'Rotation order of the leadership' },
  'settings.up': { vi: 'Đưa {unit} lên', en: 'Move {unit} up' },
  'settings.down': { vi: 'Đưa {unit} xuống', en: 'Move {unit} down' },
  // The fields' names are the ones a bad date's message gives (addin/app/date-text.ts).
  'settings.from': PERIOD_FROM,
  'settings.to': PERIOD_TO,
  'settings.period': { vi: 'Thời gian phong trào', en: 'Campaign dates' },
  'settings.save': { vi: 'Ghi vào sổ tính', en: 'Write to the workbook' },
  'settings.member': {
    vi: 'Đây là bảng chấm điểm của {unit}: thông tin cụm gửi kèm bảng, chỉ để xem. Thông tin của cụm ghi trên sổ tổng hợp: muốn sửa, hãy mở sổ tổng hợp rồi sửa ở thẻ “Thông tin cụm”.',
    en: "This is the scorecard of {unit}: the cluster's settings sent with it, to look at only. They are kept on the cluster workbook: to change them, open the cluster workbook and change them in the “Cluster settings” tab.",
  },
  'settings.saved': {
    vi: 'Đã ghi thông tin cụm ({cells} ô).',
    en: 'Cluster settings written ({cells} cells).',
  },

  'sheets.heading': {
    vi: 'Danh sách đề nghị theo mẫu chính thức',
    en: 'Nomination lists in the official layout',
  },
  // The field's name is the one a bad date's message gives (addin/app/date-text.ts).
  'sheets.date': { vi: `${SIGNING_DATE.vi} (YYYY-MM-DD)`, en: `${SIGNING_DATE.en} (YYYY-MM-DD)` },
  'sheets.place': { vi: 'Địa danh', en: 'Place' },
  'sheets.symbol': { vi: 'Số, ký hiệu (ví dụ TTr-CTĐ7)', en: 'Number and symbol (e.g. TTr-CTĐ7)' },
  'sheets.signer': { vi: 'Người ký', en: 'Signer' },
  'sheets.run': { vi: 'Ghi danh sách đề nghị vào sổ', en: 'Write the nomination lists' },
  'sheets.done': {
    vi: 'Đã ghi {sheets} vào sổ tính ({count} đề nghị): in hoặc lưu PDF từ Excel.',
    en: 'Wrote {sheets} into the workbook ({count} proposals): print or save as PDF from Excel.',
  },
  'skipped.heading': { vi: 'Excel này không làm được', en: 'This Excel could not' },
  'error.unexpected': { vi: 'Có lỗi không mong đợi: {message}', en: 'Unexpected error: {message}' },

  'create.heading': { vi: 'Tạo sổ tính thi đua từ mẫu', en: 'Create an emulation workbook from a template' },
  'create.kind': { vi: 'Loại bảng chấm điểm', en: 'Scorecard kind' },
  'create.kind.annual': { vi: 'Thi đua hàng năm', en: 'Annual emulation' },
  'create.kind.campaign': { vi: 'Phong trào ngắn hạn', en: 'Short campaign' },
  'create.year': { vi: 'Năm thi đua', en: 'Emulation year' },
  'create.cluster': { vi: 'Tên cụm thi đua', en: 'Cluster name' },
  'create.clusterPlaceholder': { vi: 'Ví dụ: Cụm thi đua số 7', en: 'e.g. Cụm thi đua số 7' },
  'create.members': { vi: 'Đơn vị thành viên', en: 'Member units' },
  'create.search': {
    vi: 'Tìm đơn vị (gõ tên, có thể không dấu)',
    en: 'Find a unit (type its name, accents optional)',
  },
  'create.searchHint': {
    vi: 'Chọn tên chính thức theo danh mục; ghi chú cho biết đơn vị kế thừa sau sáp nhập.',
    en: 'Pick the official name from the registry; notes show the successor after a merger.',
  },
  'create.noMatch': { vi: 'Không tìm thấy đơn vị phù hợp.', en: 'No matching unit.' },
  'create.confidence': { vi: 'độ khớp {percent}', en: 'match {percent}' },
  'create.remove': { vi: 'Bỏ {name}', en: 'Remove {name}' },
  'create.none': { vi: 'Chưa chọn đơn vị nào.', en: 'No unit chosen yet.' },
  'create.submit': { vi: 'Tạo sổ tính', en: 'Create workbook' },
  'create.done': {
    vi: 'Đã tạo {count} trang: {sheets}.',
    en: 'Created {count} sheets: {sheets}.',
  },
  'create.refused': {
    vi: '{count} ô đã có dữ liệu do người dùng nhập nên không ghi đè.',
    en: '{count} cells hold what someone typed and were not overwritten.',
  },

  'check.heading': { vi: 'Kiểm tra dữ liệu', en: 'Check the data' },
  'check.run': { vi: 'Kiểm tra', en: 'Check' },
  'check.summary': {
    vi: '{errors} lỗi, {warnings} cảnh báo, {infos} ghi chú',
    en: '{errors} errors, {warnings} warnings, {infos} notes',
  },
  'check.clean': { vi: 'Không phát hiện vấn đề nào.', en: 'No problems found.' },
  'check.document': {
    vi: '{cluster}, năm {year}: {units} đơn vị, {criteria} tiêu chí',
    en: '{cluster}, {year}: {units} units, {criteria} criteria',
  },
  'issues.heading': { vi: 'Danh sách vấn đề', en: 'Problems' },
  'issues.filter': { vi: 'Hiển thị', en: 'Show' },
  'issues.all': { vi: 'Tất cả', en: 'All' },
  'issues.select': { vi: 'Chọn ô {place}', en: 'Select cell {place}' },
  'issues.noCell': { vi: 'Vấn đề này không gắn với ô cụ thể.', en: 'This problem is not tied to a cell.' },
  'issues.selected': { vi: 'Đã chọn ô {place}.', en: 'Selected cell {place}.' },
  'severity.error': { vi: 'Lỗi', en: 'Error' },
  'severity.warning': { vi: 'Cảnh báo', en: 'Warning' },
  'severity.info': { vi: 'Ghi chú', en: 'Note' },
  'place.sheetCell': { vi: "'{sheet}'!{cell}", en: "'{sheet}'!{cell}" },
  'place.unit': { vi: 'đơn vị {unit}', en: 'unit {unit}' },
  'place.criterion': { vi: 'tiêu chí {criterion}', en: 'criterion {criterion}' },

  'compute.heading': { vi: 'Tính điểm và xếp hạng', en: 'Scores and ranking' },
  'compute.run': { vi: 'Tính điểm', en: 'Compute' },
  'compute.stage.self': { vi: 'Xếp hạng theo điểm tự chấm', en: 'Ranked on self scores' },
  'compute.stage.verified': { vi: 'Xếp hạng theo điểm thẩm định', en: 'Ranked on verified scores' },
  'compute.caption': { vi: 'Bảng xếp hạng {cluster} năm {year}', en: 'Ranking of {cluster}, {year}' },
  'compute.col.rank': { vi: 'Hạng', en: 'Rank' },
  'compute.col.unit': { vi: 'Đơn vị', en: 'Unit' },
  'compute.col.total': { vi: 'Tổng điểm', en: 'Total' },
  'compute.col.percent': { vi: '%', en: '%' },
  'compute.col.tier': { vi: 'Xếp loại', en: 'Rating' },
  'compute.col.indicators': { vi: 'Chỉ tiêu đạt', en: 'Targets met' },
  'compute.why': { vi: 'Bấm để xem vì sao được điểm này', en: 'Open to see why it scores this' },
  'compute.whyLabel': { vi: 'Vì sao {unit} được {total} điểm', en: 'Why {unit} scores {total}' },
  'compute.cluster': {
    vi: 'Toàn cụm: {met} chỉ tiêu đạt; {exceeded} chỉ tiêu vượt.',
    en: 'Whole cluster: {met} targets met; {exceeded} targets exceeded.',
  },
  'compute.whyHint': {
    vi: 'Bấm tên đơn vị để xem vì sao đơn vị được điểm, hạng và xếp loại đó.',
    en: "Open a unit's name to see why it has that score, rank and rating.",
  },
  'compute.tieBreak': {
    vi: 'Khi bằng tổng điểm, xét lần lượt: {keys}. Bằng nhau ở mọi tiêu chí thì đồng hạng (không xét theo thứ tự dòng).',
    en: 'When totals are equal, compare in turn: {keys}. Units equal on all of them share the rank (never by row order).',
  },
  'compute.written': {
    vi: 'Đã ghi kết quả vào sổ tính ({cells} ô).',
    en: 'Results written to the workbook ({cells} cells).',
  },
  'tieBreak.indicatorsMetRatio': {
    vi: 'tỷ lệ chỉ tiêu đạt (cao hơn xếp trên)',
    en: 'share of targets met (higher first)',
  },
  'tieBreak.indicatorsExceededRatio': {
    vi: 'tỷ lệ chỉ tiêu vượt (cao hơn xếp trên)',
    en: 'share of targets exceeded (higher first)',
  },
  'tieBreak.deduction': { vi: 'điểm trừ (ít hơn xếp trên)', en: 'deductions (fewer first)' },
  'tieBreak.bonus': { vi: 'điểm cộng (nhiều hơn xếp trên)', en: 'bonus points (more first)' },
  'tieBreak.criterion': {
    vi: 'điểm tiêu chí {code} (cao hơn xếp trên)',
    en: 'score in criterion {code} (higher first)',
  },

  'explain.heading': { vi: 'Giải thích điểm của {unit}', en: 'Explanation of {unit}' },
  'explain.close': { vi: 'Đóng giải thích', en: 'Close the explanation' },
  'explain.summary': {
    vi: 'Hạng {rank}; tổng điểm {total}/{standard} điểm chuẩn; {tier}. Xếp hạng theo điểm {stage}.',
    en: 'Rank {rank}; total {total} of {standard} standard points; {tier}. Ranked on the {stage} score.',
  },
  'explain.reasoning': { vi: 'Diễn giải', en: 'Reasoning' },
  'explain.criteria': { vi: 'Điểm theo tiêu chí', en: 'Scores by criterion' },
  'explain.details': {
    vi: 'Chi tiết các tiêu chí có điều chỉnh',
    en: 'Criteria where something was adjusted',
  },
  'explain.col.criterion': { vi: 'Tiêu chí', en: 'Criterion' },
  'explain.col.standard': { vi: 'Chuẩn', en: 'Standard' },
  'explain.caps': { vi: 'Mức trần đã áp dụng', en: 'Caps applied' },
  'explain.noCaps': { vi: 'Không áp dụng mức trần nào.', en: 'No cap applied.' },
  'explain.issues': { vi: 'Vấn đề liên quan', en: 'Related problems' },
  'explain.noIssues': { vi: 'Không có vấn đề liên quan.', en: 'No related problems.' },
  'stage.self': { vi: 'tự chấm', en: 'self score' },
  'stage.verified': { vi: 'thẩm định', en: 'verified' },

  'awards.heading': { vi: 'Đề xuất khen thưởng', en: 'Award proposals' },
  'awards.run': { vi: 'Đề xuất khen thưởng', en: 'Propose awards' },
  'awards.ruleSet': { vi: 'Bộ quy định áp dụng: {ruleSet}', en: 'Rule set applied: {ruleSet}' },
  'awards.nominations': { vi: 'Đề nghị', en: 'Proposed' },
  'awards.none': { vi: 'Không có đề nghị nào.', en: 'No proposals.' },
  'awards.kind.collective': { vi: 'Tập thể', en: 'Collective' },
  'awards.kind.individual': { vi: 'Cá nhân', en: 'Individual' },
  'awards.basis': { vi: 'Căn cứ', en: 'Legal basis' },
  'awards.reasons': { vi: 'Lý do không đủ điều kiện', en: 'Why not eligible' },
  'awards.expandHint': {
    vi: 'Bấm vào tên để xem căn cứ pháp lý hoặc lý do.',
    en: 'Open a name to see its legal basis or the reasons.',
  },
  'awards.quotas': { vi: 'Chỉ tiêu số lượng', en: 'Quotas' },
  'awards.quota': { vi: '{proposed}/{limit} suất', en: '{proposed} of {limit} places' },
  'awards.blocked': { vi: 'Không đủ điều kiện', en: 'Not eligible' },
  'awards.noBlocked': { vi: 'Không có trường hợp bị loại.', en: 'Nobody was excluded.' },
  'awards.export': { vi: 'Xuất kết quả', en: 'Export results' },
  'awards.exported': {
    vi: 'Đã ghi kết quả và đề nghị vào sổ tính ({cells} ô).',
    en: 'Results and proposals written to the workbook ({cells} cells).',
  },
  'awards.saveResult': { vi: 'Lưu kết quả (JSON)', en: 'Save results (JSON)' },
  'awards.saveDocument': { vi: 'Lưu dữ liệu cụm (JSON)', en: 'Save cluster data (JSON)' },
  'awards.referenceDate': {
    vi: 'Thời gian công tác, nghỉ tính đến ngày {date}',
    en: 'Service and leave counted to {date}',
  },
  'rules.heading': { vi: 'Bộ quy tắc đang áp dụng: {ruleSet}', en: 'Rule set in force: {ruleSet}' },
  'rules.period': { vi: 'Hiệu lực từ {from} đến {to}', en: 'In force from {from} to {to}' },
  'rules.periodOpen': { vi: 'Hiệu lực từ {from}', en: 'In force from {from}' },
  'rules.general': { vi: 'Quy định chung', en: 'General rules' },
  'rules.basis': { vi: 'Căn cứ: {basis}', en: 'Basis: {basis}' },
  'rules.standing.confirmed': { vi: 'đã đối chiếu văn bản', en: 'checked against the text' },
  'rules.standing.secondary': { vi: 'theo bản sao thứ cấp', en: 'from a secondary copy' },
  'rules.standing.unconfirmed': { vi: 'chưa xác nhận', en: 'unconfirmed' },
  'rules.foundIn': { vi: 'đọc tại {where}', en: 'read in {where}' },
  'rules.forms': { vi: 'Hình thức khen thưởng', en: 'Award forms' },
  'rules.proposed': { vi: 'chương trình đề nghị', en: 'proposed by the program' },
  'rules.recordedOnly': {
    vi: 'chỉ ghi nhận, không đề nghị tự động',
    en: 'recorded only, never proposed automatically',
  },
  'rules.changes': { vi: 'Thay đổi so với {previous} ({count})', en: 'Changes from {previous} ({count})' },
  'rules.first': { vi: 'Bộ quy tắc đầu tiên.', en: 'The first rule set.' },

  'rotation.heading': { vi: 'Đề xuất cụm trưởng, cụm phó năm sau', en: "Next year's leader and deputy" },
  'rotation.run': { vi: 'Đề xuất', en: 'Propose' },
  'rotation.year': { vi: 'Năm {year}', en: 'Year {year}' },
  'rotation.leader': { vi: 'Cụm trưởng', en: 'Leader' },
  'rotation.deputy': { vi: 'Cụm phó', en: 'Deputy' },
  'rotation.none': { vi: '(chưa xác định)', en: '(not determined)' },
  'rotation.reason': { vi: 'Lý do', en: 'Reason' },
  'rotation.guidance': { vi: 'Căn cứ', en: 'Guidance' },
  'rotation.elected': { vi: 'cụm trưởng, cụm phó do bầu chọn', en: 'leader and deputy are elected' },
  'rotation.skipped': { vi: 'Đơn vị không được xét', en: 'Units passed over' },

  'yearEnd.heading': {
    vi: 'Hồ sơ đề nghị khen thưởng, sổ năm sau',
    en: "The commendation dossier, next year's workbook",
  },
  'yearEnd.dossierHeading': { vi: 'Hồ sơ trình Hội đồng (văn bản Word)', en: 'The dossier (Word documents)' },
  'yearEnd.dossierHint': {
    vi: 'Tạo tờ trình, danh sách, biên bản họp, báo cáo thành tích của từng đơn vị được đề nghị và báo cáo tổng kết; ghi phiếu bầu và biên bản kiểm phiếu vào sổ tính. Nhập số phiếu vào sheet "Kiểm phiếu" rồi tạo lại hồ sơ để biên bản và danh sách lấy số phiếu đó.',
    en: 'Makes the submission, the list, the minutes, an achievement report per proposed unit and the summary report, and writes the ballots and the count sheet into the workbook. Type the counts on the "Kiểm phiếu" sheet, then make the dossier again for the minutes and the list to carry them.',
  },
  'yearEnd.dossierRun': { vi: 'Tạo hồ sơ', en: 'Make the dossier' },
  'yearEnd.dossierDone': {
    vi: 'Đã tạo {count} văn bản. Mã kiểm chứng số liệu: {fingerprint}',
    en: 'Made {count} documents. Fingerprint of the figures: {fingerprint}',
  },
  'yearEnd.sheetsWritten': { vi: 'Đã ghi vào sổ tính: {sheets}', en: 'Written into the workbook: {sheets}' },
  'yearEnd.sheetsKept': {
    vi: 'Giữ nguyên (đã có trong sổ, có thể đã nhập): {sheets}',
    en: 'Kept as they are (already in the workbook, maybe typed in): {sheets}',
  },
  'yearEnd.counted': {
    vi: 'Lấy {count} kết quả kiểm phiếu làm số phiếu biểu quyết',
    en: 'Took {count} counts from the count sheet as the votes',
  },
  'yearEnd.finalised': {
    vi: 'Số liệu đã chốt ({at}, {by}): hồ sơ ghi bản chốt; sổ tính không được ghi thêm.',
    en: 'The figures are finalised ({at}, {by}): the dossier says so; nothing is written into the workbook.',
  },
  'yearEnd.nextHeading': { vi: 'Sổ năm sau', en: "Next year's workbook" },
  'yearEnd.nextHint': {
    vi: 'Tạo sổ tổng hợp năm sau (tệp mới) từ sổ đang mở: đơn vị thành viên sau sắp xếp, cụm trưởng, cụm phó, lịch sử khen thưởng của cá nhân. Sổ đang mở không bị sửa.',
    en: "Makes next year's cluster workbook (a new file) from the open one: the members after the reorganisation, leader, deputy, people's award history. The open workbook is not changed.",
  },
  'yearEnd.year': { vi: 'Năm mới (để trống: năm sau)', en: 'The new year (blank: the next one)' },
  'yearEnd.nextRun': { vi: 'Tạo sổ năm sau', en: "Make next year's workbook" },
  'yearEnd.nextDone': {
    vi: 'Sổ năm {year} của {cluster}, từ sổ năm {from}',
    en: 'The {year} workbook of {cluster}, from {from}',
  },
  'yearEnd.members': { vi: 'Đơn vị thành viên', en: 'Members' },
  'yearEnd.memberChanged': { vi: '{from} → {to} (từ {since})', en: '{from} → {to} (from {since})' },
  'yearEnd.leadership': {
    vi: 'Cụm trưởng: {leader}; cụm phó: {deputy}',
    en: 'Leader: {leader}; deputy: {deputy}',
  },
  'yearEnd.carried': { vi: 'Đã chuyển sang năm sau', en: 'Carried' },
  'yearEnd.notCarried': { vi: 'Không chuyển sang năm sau', en: 'Not carried' },
  'yearEnd.questions': { vi: 'Cần cụm quyết định lại', en: 'For the cluster to decide again' },
  'yearEnd.badYear': {
    vi: 'Năm "{year}" không phải một năm (ví dụ 2026).',
    en: '"{year}" is not a year (e.g. 2026).',
  },

  'standalone.title': { vi: 'Thi đua – làm việc với tệp .xlsx', en: 'Thi đua – work on an .xlsx file' },
  'standalone.intro': {
    vi: 'Mở sổ tính thi đua (.xlsx) trên máy này. Tệp không rời khỏi máy: mọi xử lý chạy trong trình duyệt.',
    en: 'Open an emulation workbook (.xlsx) on this machine. The file never leaves it: everything runs in the browser.',
  },
  'standalone.pick': { vi: 'Chọn tệp .xlsx', en: 'Choose an .xlsx file' },
  'standalone.drop': { vi: 'hoặc kéo thả tệp vào đây', en: 'or drop the file here' },
  'standalone.new': { vi: 'Tạo sổ mới', en: 'New workbook' },
  'standalone.loading': { vi: 'Đang mở {name}…', en: 'Opening {name}…' },
  'standalone.notXlsx': {
    vi: 'Tệp {name} không phải sổ tính .xlsx.',
    en: 'The file {name} is not an .xlsx workbook.',
  },
  'standalone.openFailed': { vi: 'Không mở được {name}: {message}', en: 'Could not open {name}: {message}' },
  'standalone.download': { vi: 'Tải sổ tính về', en: 'Download the workbook' },
  'standalone.unreadable': {
    vi: 'tệp không đọc được như một sổ .xlsx; hãy mở và lưu lại bằng Excel, hoặc dùng bản sao lưu',
    en: 'the file cannot be read as an .xlsx workbook; open and re-save it in Excel, or use a backup',
  },
  'standalone.saveFailed': {
    vi: 'Không tạo được tệp tải về từ {name}: {message}',
    en: 'Could not make the download from {name}: {message}',
  },
  'standalone.close': { vi: 'Đóng tệp', en: 'Close the file' },
} as const satisfies Record<string, Bilingual>;

export type MessageKey = keyof typeof messages;
export type Params = Record<string, string | number>;

/** The text of `key` in `lang`, with `{name}` placeholders filled. */
export function translate(lang: Lang, key: MessageKey, params: Params = {}): string {
  const text: string = messages[key][lang];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export type Translate = (key: MessageKey, params?: Params) => string;

export const translator =
  (lang: Lang): Translate =>
  (key, params) =>
    translate(lang, key, params);

/** A bilingual text from the core (issue messages, reasons) in the chosen language. */
export const pick = (lang: Lang, text: Bilingual): string => text[lang];
