import { Link } from 'react-router-dom';
import { Badge, Button, Card, List, Tag, Typography } from 'antd';
import { formatDateTime } from '../../lib/format.ts';
import { useApi } from '../../lib/useApi.ts';
import { wf } from './workflowApi.ts';

interface Todo { items: { kind: string; title: string; detail: string; link: string; deadline: string | null }[]; unread: number }
interface Inbox { unread: number; items: { id: number; title: string; body: string; link: string | null; created_at: string; read: boolean }[] }

export default function TodoPage() {
  const todo = useApi(() => wf.get<Todo>('/api/workflow/todo'), []);
  const inbox = useApi(() => wf.get<Inbox>('/api/workflow/inbox'), []);
  return (
    <>
      <Card title="待办事项" loading={todo.loading} style={{ marginBottom: 16 }}>
        <List
          data-testid="todo-list"
          dataSource={todo.data?.items ?? []}
          locale={{ emptyText: '暂无待办' }}
          renderItem={(item) => (
            <List.Item extra={item.deadline && <Tag color="orange">截止 {item.deadline}</Tag>}>
              <List.Item.Meta title={<Link to={item.link}>{item.title}</Link>} description={item.detail} />
            </List.Item>
          )}
        />
      </Card>
      <Card title={<Badge count={inbox.data?.unread ?? 0} offset={[12, 0]}>站内通知</Badge>} loading={inbox.loading}>
        <List
          dataSource={inbox.data?.items ?? []}
          locale={{ emptyText: '暂无通知' }}
          renderItem={(n) => (
            <List.Item
              actions={n.read ? [] : [<Button key="read" size="small" type="link" onClick={() => void wf.post(`/api/workflow/inbox/${n.id}/read`).then(inbox.reload)}>标为已读</Button>]}
            >
              <List.Item.Meta
                title={<span>{!n.read && <Badge status="processing" />} {n.link ? <Link to={n.link}>{n.title}</Link> : n.title}</span>}
                description={<><Typography.Text>{n.body}</Typography.Text> <Typography.Text type="secondary">{formatDateTime(n.created_at)}</Typography.Text></>}
              />
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}
