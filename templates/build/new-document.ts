/** A new, empty document from the bundled sample scorecard: what `thidua new` and the task pane's "Tạo sổ" start from. */
import { CLUSTER_FORMAT, type ClusterDocument, type DocumentKind } from '../../core';
import { SAMPLE_CAMPAIGN_LABEL, sampleCampaignCriteria } from '../criteria/sample-campaign';
import { SAMPLE_PROVINCIAL_LABEL, sampleProvincialCriteria } from '../criteria/sample-provincial';

export interface NewClusterInput {
  kind: DocumentKind;
  year: number;
  cluster: string;
  units: string[];
}

export function newClusterDocument(input: NewClusterInput): ClusterDocument {
  const campaign = input.kind === 'campaign';
  return {
    format: CLUSTER_FORMAT,
    kind: input.kind,
    year: input.year,
    title: campaign
      ? `Bảng chấm điểm phong trào thi đua ngắn hạn năm ${input.year}`
      : `Bảng chấm điểm thi đua năm ${input.year}`,
    cluster: { name: input.cluster },
    units: input.units.map((name) => ({ name })),
    criteria: (campaign ? sampleCampaignCriteria : sampleProvincialCriteria).map((c) => ({ ...c })),
    sample: campaign ? SAMPLE_CAMPAIGN_LABEL : SAMPLE_PROVINCIAL_LABEL,
  };
}
