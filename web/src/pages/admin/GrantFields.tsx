import { AutoComplete, Button, Form, Input, Select, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { District, RoleGrant } from '../../api/types.ts';
import { ROLE_LABELS, ROLES, type Role } from '../../auth/roles.ts';

type Binding = 'district_code' | 'credit_code' | 'department' | 'institution';

/** The binding each role needs (the server refuses a grant without it); the other roles are bound elsewhere or not at all. */
const BINDING_OF: Partial<Record<Role, Binding>> = {
  district_officer: 'district_code',
  enterprise_user: 'credit_code',
  department_handler: 'department',
  bank_viewer: 'institution',
};

const CITY_DEPARTMENTS = ['市科技局', '市金融管理局', '市市场监管局', '市财政局', '市商务委', '市人力社保局', '市税务局', '市知识产权局'];

/** 18 characters of GB 32100 (no I, O, S, V, Z); the server checks the check character when the enterprise is registered. */
const CREDIT_CODE_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export type GrantFormValue = { role?: Role } & Partial<Record<Binding, string | null>>;

/** A grant as the API takes it: the binding its role needs, every other binding null. */
export function toGrant(value: GrantFormValue): RoleGrant {
  const role = value.role!;
  const binding = BINDING_OF[role];
  const grant: RoleGrant = { role, district_code: null, credit_code: null, department: null, institution: null };
  if (binding) grant[binding] = value[binding]?.trim() || null;
  return grant;
}

/** One row per role grant: the role, then the district, credit code, department or institution it is bound to. */
export function GrantFields({ districts }: { districts: District[] }) {
  return (
    <Form.List
      name="grants"
      rules={[
        {
          validator: async (_, grants: GrantFormValue[] | undefined) => {
            if (!grants?.length) throw new Error('至少授予一个角色');
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field, index) => (
            <Space key={field.key} align="start" style={{ display: 'flex' }} data-testid={`grant-row-${index}`}>
              <Form.Item name={[field.name, 'role']} rules={[{ required: true, message: '请选择角色' }]} style={{ width: 220 }}>
                <Select
                  placeholder="选择角色"
                  aria-label="角色"
                  options={ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }))}
                />
              </Form.Item>
              <Form.Item noStyle shouldUpdate>
                {({ getFieldValue }) => (
                  <BindingField
                    name={field.name}
                    binding={BINDING_OF[getFieldValue(['grants', field.name, 'role']) as Role]}
                    districts={districts}
                  />
                )}
              </Form.Item>
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label="移除该角色"
                onClick={() => remove(field.name)}
                disabled={fields.length === 1}
              />
            </Space>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} block>
            添加角色
          </Button>
          <Form.ErrorList errors={errors} />
        </>
      )}
    </Form.List>
  );
}

function BindingField({ name, binding, districts }: { name: number; binding: Binding | undefined; districts: District[] }) {
  const width = { width: 260 };
  switch (binding) {
    case 'district_code':
      return (
        <Form.Item name={[name, 'district_code']} rules={[{ required: true, message: '请选择所属区县' }]} style={width}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="所属区县（41 个区县及功能区）"
            aria-label="所属区县"
            options={districts.map((district) => ({ value: district.code, label: district.name }))}
          />
        </Form.Item>
      );
    case 'credit_code':
      return (
        <Form.Item
          name={[name, 'credit_code']}
          normalize={(value: string) => value.toUpperCase().trim()}
          rules={[
            { required: true, message: '请输入企业统一社会信用代码' },
            { pattern: CREDIT_CODE_PATTERN, message: '统一社会信用代码应为 18 位（不含 I、O、S、V、Z）' },
          ]}
          style={width}
        >
          <Input placeholder="企业统一社会信用代码" aria-label="统一社会信用代码" maxLength={18} />
        </Form.Item>
      );
    case 'department':
      return (
        <Form.Item name={[name, 'department']} rules={[{ required: true, message: '请输入所属市级部门' }]} style={width}>
          <AutoComplete
            placeholder="所属市级部门，如 市科技局"
            aria-label="所属部门"
            options={CITY_DEPARTMENTS.map((department) => ({ value: department }))}
            showSearch={{ filterOption: (input, option) => String(option?.value ?? '').includes(input) }}
          />
        </Form.Item>
      );
    case 'institution':
      return (
        <Form.Item name={[name, 'institution']} rules={[{ required: true, message: '请输入金融机构名称' }]} style={width}>
          <Input placeholder="金融机构名称" aria-label="金融机构" />
        </Form.Item>
      );
    default:
      return null;
  }
}
