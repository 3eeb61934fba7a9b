import { Navigate } from 'react-router-dom';
import { ForbiddenPage } from '../pages/errors/ForbiddenPage.tsx';
import { useAuth, useNavigation } from './AuthContext.tsx';

/** "/" → the user's first page: 工作台 for officers, the own portrait for an enterprise user. */
export function HomeRedirect() {
  const { homePath } = useNavigation();
  return <Navigate to={homePath} replace />;
}

/** 本企业 → 企业画像: the portrait of the enterprise the account is bound to. */
export function OwnEnterpriseRedirect() {
  const { state } = useAuth();
  const creditCode =
    state.status === 'signed_in'
      ? state.me.roles.find((grant) => grant.role === 'enterprise_user' && grant.credit_code)?.credit_code
      : undefined;
  if (!creditCode) return <ForbiddenPage message="您的账号未绑定企业，请联系管理员。" />;
  return <Navigate to={`/enterprises/${encodeURIComponent(creditCode)}`} replace />;
}
