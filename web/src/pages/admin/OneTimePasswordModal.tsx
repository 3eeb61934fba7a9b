import { Alert, Button, Descriptions, Modal, Typography } from 'antd';
import { CheckOutlined, CopyOutlined } from '@ant-design/icons';

export interface IssuedPassword {
  username: string;
  password: string;
  /** 新建用户 or 重置密码. */
  reason: 'created' | 'reset';
}

/**
 * Shows a one-time password the server issued. The server keeps only its hash, so this is the only time anyone
 * sees it; the modal closes only when the administrator confirms they have recorded it.
 */
export function OneTimePasswordModal({ issued, onClose }: { issued: IssuedPassword | undefined; onClose: () => void }) {
  return (
    <Modal
      open={!!issued}
      title={issued?.reason === 'reset' ? '密码已重置' : '用户已创建'}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={
        <Button type="primary" onClick={onClose}>
          我已妥善记录，关闭
        </Button>
      }
      destroyOnHidden
    >
      {issued && (
        <>
          <Alert
            type="warning"
            showIcon
            title="一次性密码仅显示这一次，关闭后无法再次查看。"
            description="请通过安全渠道交给用户本人；用户首次登录时须修改密码。如遗失，只能重新重置密码。"
            style={{ marginBottom: 16 }}
          />
          <Descriptions
            column={1}
            bordered
            size="small"
            items={[
              { label: '用户名', children: issued.username },
              {
                label: '一次性密码',
                children: (
                  <Typography.Text
                    code
                    strong
                    style={{ fontSize: 18, letterSpacing: 1 }}
                    data-testid="one-time-password"
                    copyable={{
                      text: issued.password,
                      icon: [
                        <span key="copy">
                          <CopyOutlined /> 复制
                        </span>,
                        <span key="copied">
                          <CheckOutlined /> 已复制
                        </span>,
                      ],
                      tooltips: ['复制密码', '已复制到剪贴板'],
                    }}
                  >
                    {issued.password}
                  </Typography.Text>
                ),
              },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
