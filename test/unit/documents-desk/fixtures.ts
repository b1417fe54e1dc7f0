/** A 通知's fields as the 发文 register's tests save them: the title and the 成文日期 are each test's. */
export const noticeFields = (title: string, date: string) => ({
  title,
  type: '通知' as const,
  date,
  addressee: '各会员单位',
  body: '正文',
  attachments: [],
  issuer: '中国网络安全产业联盟秘书处',
});
