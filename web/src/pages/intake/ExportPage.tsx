import { Link } from 'react-router-dom';
import { Button, Card, Col, Row, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { enterprisesExportUrl, PROFILES_EXPORT_URL } from './intakeApi.ts';

/** 导出: the registry as a workbook or as contract profiles, within the officer's scope; each export is audited. */
export default function ExportPage() {
  const exports = [
    {
      key: 'registry',
      title: '企业名录（Excel）',
      description: (
        <>
          您管辖范围内的全部企业，表头为中文并注明单位，未知的数值留空。需要按区县、行业、称号等筛选时，请在
          <Link to="/enterprises">企业名录</Link>中设置条件后点击“导出 Excel”。
        </>
      ),
      action: (
        <Button icon={<DownloadOutlined />} href={enterprisesExportUrl({})} download>
          导出 Excel
        </Button>
      ),
    },
    {
      key: 'profiles',
      title: '企业画像（JSON）',
      description: '您管辖范围内全部企业的画像，按接口约定的 JSON 格式（{ "enterprises": [ … ] }），供其他系统使用。',
      action: (
        <Button icon={<DownloadOutlined />} href={PROFILES_EXPORT_URL} download>
          导出画像 JSON
        </Button>
      ),
    },
  ];
  return (
    <Card title="导出" size="small">
      <Row gutter={[16, 16]}>
        {exports.map((item) => (
          <Col key={item.key} xs={24} lg={12}>
            <Card type="inner" size="small" title={item.title} extra={item.action}>
              <Typography.Paragraph style={{ marginBottom: 0 }}>{item.description}</Typography.Paragraph>
            </Card>
          </Col>
        ))}
      </Row>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        每次导出都记入审计日志。
      </Typography.Paragraph>
    </Card>
  );
}
